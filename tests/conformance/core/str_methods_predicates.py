samples = ["123", "12.3", "abc", "Abc1", "", "   ", "ABC", "Title Case", "²", "½", "٣", "_id", "2x", "hello world"]
for s in samples:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier())
print("abc".isascii(), "é".isascii(), "Hello".isprintable(), "a\n".isprintable())
