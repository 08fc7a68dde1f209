a = 'single' "double" '''triple
line''' """triple "double"
"""
b = r'raw\n' R"raw" b'bytes' B"x" rb'\d' Rb'x' bR'x' BR'x' br'x' Br'x'
c = f'{x}' F"{y}" rf'{z}\n' fR'x' Rf'x' FR'x' u'unicode' U"x"
d = 'esc\'aped' "esc\"aped" 'back\\slash' 'line\
continued'
e = ''  "" '''''' """"""
