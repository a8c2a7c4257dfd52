// Golden expansion of tests/golden/pin-project-enum.input.rs by `cargo wasmacro expand --attr pin_project --args 'project = EitherProj, project_ref = EitherProjRef'`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
#[derive(::pin_project::__private::__PinProjectInternalDerive)]
#[pin(__private(project = EitherProj, project_ref = EitherProjRef))]
pub enum Either<L, R> {
    Left(#[pin] L),
    Right { #[pin] inner: R, label: &'static str },
    Done,
}
