pub struct Args {
    #[arg(shrot)]
    pub verbose: bool,
}
