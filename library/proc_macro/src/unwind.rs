//! The three unwinder symbols std needs on WASI when panics unwind.
//!
//! With `panic=unwind`, std's `panic_unwind` raises and disposes of panics through the Itanium
//! ABI functions `_Unwind_RaiseException` and `_Unwind_DeleteException`, which on WASI it expects
//! from a C `libunwind` (wasi-sdk's, not part of the Rust toolchain); and the code LLVM emits for
//! wasm exception handling throws and catches with the tag `__cpp_exception`, which it leaves to
//! the C++ runtime to define. Every macro component links this library, so it defines all three.
//!
//! Nothing here walks the stack: wasm exception handling does that itself. LLVM compiles landing
//! pads and `catch_unwind` into `try_table` blocks that catch `__cpp_exception`, whose one
//! payload is the address of the exception header `panic_unwind` allocated; raising is therefore
//! a single `throw` with that address. std's `-lunwind` finds an empty archive in the sysroot
//! (see the CLI's `sysroot.rs`).

use core::ffi::c_void;

// The exception tag: one `i32` parameter (a pointer on wasm32). Defined in assembly because
// Rust has no syntax for wasm tags; LLVM refers to it by this name from every `throw`/`catch`.
core::arch::global_asm!(".globl __cpp_exception", ".tagtype __cpp_exception i32", "__cpp_exception:");

/// The head of every exception `panic_unwind` raises (`_Unwind_Exception` of the Itanium ABI,
/// as std lays it out for wasm32: a class, the cleanup function, two private words).
#[repr(C)]
struct ExceptionHeader {
    class: u64,
    cleanup: Option<extern "C" fn(reason: i32, exception: *mut ExceptionHeader)>,
    private: [*mut c_void; 2],
}

/// `_URC_FOREIGN_EXCEPTION_CAUGHT`, what a cleanup function is told when the exception is dropped
/// by someone other than its raiser.
const FOREIGN_EXCEPTION_CAUGHT: i32 = 1;

unsafe extern "C-unwind" {
    /// The wasm `throw` instruction. Its first operand is LLVM's number for the tag, where 0 is
    /// `__cpp_exception`.
    #[link_name = "llvm.wasm.throw"]
    fn wasm_throw(tag: i32, payload: *mut u8) -> !;
}

/// Throws `exception`. Never returns: if nothing catches it, the exception leaves the instance
/// and the host gets an error from the call into the guest.
///
/// # Safety
/// `exception` is a header allocated by `panic_unwind`.
#[unsafe(no_mangle)]
unsafe extern "C-unwind" fn _Unwind_RaiseException(exception: *mut ExceptionHeader) -> i32 {
    // SAFETY: throwing only transfers the pointer to whichever handler catches it.
    unsafe { wasm_throw(0, exception.cast()) }
}

/// Disposes of a caught exception by calling its cleanup function, if it has one.
///
/// # Safety
/// `exception` points to a live exception header.
#[unsafe(no_mangle)]
unsafe extern "C" fn _Unwind_DeleteException(exception: *mut ExceptionHeader) {
    // SAFETY: the caller passes a live header.
    if let Some(cleanup) = unsafe { (*exception).cleanup } {
        cleanup(FOREIGN_EXCEPTION_CAUGHT, exception);
    }
}
