// Golden expansion of tests/golden/getset.input.rs by `cargo wasmacro expand --derive Getters`, `cargo wasmacro expand --derive CopyGetters`, `cargo wasmacro expand --derive MutGetters`, `cargo wasmacro expand --derive Setters` (outputs in this order).
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[getset], #[get], #[get_copy], #[get_clone], #[get_mut], #[set], #[set_with], #[with_prefix]) are removed on both sides.
// Known differences from native: none.
impl Config {
    #[inline(always)]
    pub fn name(&self) -> &String {
        &self.name
    }
    #[inline(always)]
    pub fn tags(&self) -> &Vec<String> {
        &self.tags
    }
}
impl Config {
    #[inline(always)]
    pub fn port(&self) -> u16 {
        self.port
    }
}
impl Config {
    #[inline(always)]
    pub(crate) fn tags_mut(&mut self) -> &mut Vec<String> {
        &mut self.tags
    }
}
impl Config {
    #[inline(always)]
    pub fn set_name(&mut self, val: String) -> &mut Self {
        self.name = val;
        self
    }
    #[inline(always)]
    pub fn set_port(&mut self, val: u16) -> &mut Self {
        self.port = val;
        self
    }
    #[inline(always)]
    pub fn set_tags(&mut self, val: Vec<String>) -> &mut Self {
        self.tags = val;
        self
    }
}
