fn main() {
    let code = tulip::cli::main();
    std::process::exit(code);
}
