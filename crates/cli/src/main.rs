fn main() {
    println!("stackfit {}", env!("CARGO_PKG_VERSION"));
}
