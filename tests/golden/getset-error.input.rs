pub enum NotAStruct {
    A,
    B,
}
