//! Ties each handler to its command as `satchel-types` declares it: a handler takes
//! the command's arguments whole (`Args<C>`) and answers its reply (`ReplyTo<C>`), and
//! `handlers!` registers it only where its name is the command's name.

use std::future::Future;

use satchel_core::types::{Command, ErrorCode, ErrorView, command};
use tauri::Runtime;
use tauri::ipc::{CommandArg, CommandItem, InvokeBody, InvokeError};

/// What a handler of `C` answers.
pub(crate) type ReplyTo<C> = Result<<C as Command>::Reply, ErrorView>;

/// A command's arguments, read from the call's whole body rather than from one key of
/// it: the body is the struct's fields, so a script calls a command as it always has
/// (`invoke('import_audio', { paths })`).
pub(crate) struct Args<C>(pub C);

impl<'de, C: Command, R: Runtime> CommandArg<'de, R> for Args<C> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        match command.message.payload() {
            InvokeBody::Json(body) => C::deserialize(body)
                .map(Args)
                .map_err(|e| tauri::Error::InvalidArgs(command.name, command.key, e).into()),
            InvokeBody::Raw(_) => Err(ErrorView::new(
                ErrorCode::InvalidInput,
                format!("{} takes JSON arguments, not raw bytes", C::NAME),
            )
            .into()),
        }
    }
}

/// A handler of command `C`: a function whose last parameter is `Args<C>` (those
/// before it are the shell's state or the app) and whose answer is `ReplyTo<C>`, now
/// or later. `Shape` only tells the kinds of function apart.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a handler of a declared command",
    label = "its last parameter must be `Args<C>`, and its answer `ReplyTo<C>`, for one command `C`"
)]
pub(crate) trait Handles<C, Shape> {}

/// Answers now (a handler run on the main thread).
pub(crate) struct Now;
/// Answers when its future ends.
pub(crate) struct Later;

/// `ReplyTo<C>`, now or as a future's output; `When` tells the two apart (the compiler
/// cannot rule out that a `Result` is also a future).
pub(crate) trait Answers<C, When> {}

impl<C: Command> Answers<C, Now> for ReplyTo<C> {}
impl<C: Command, F: Future<Output = ReplyTo<C>>> Answers<C, Later> for F {}

impl<C, F, Out, When> Handles<C, (fn(Args<C>) -> Out, When)> for F
where
    F: Fn(Args<C>) -> Out,
    Out: Answers<C, When>,
{
}

impl<C, F, A, Out, When> Handles<C, (fn(A, Args<C>) -> Out, When)> for F
where
    F: Fn(A, Args<C>) -> Out,
    Out: Answers<C, When>,
{
}

impl<C, F, A, B, Out, When> Handles<C, (fn(A, B, Args<C>) -> Out, When)> for F
where
    F: Fn(A, B, Args<C>) -> Out,
    Out: Answers<C, When>,
{
}

/// The name of the command `handler` takes.
pub(crate) const fn command_name<C: Command, Shape, H: Handles<C, Shape>>(
    _handler: &H,
) -> &'static str {
    C::NAME
}

/// Whether two names are one (`==` on `str` cannot run at compile time).
pub(crate) const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The first declared command that no handler in `handlers` is named after.
pub(crate) const fn unhandled(handlers: &[&str]) -> Option<&'static str> {
    let names = command::NAMES;
    let mut i = 0;
    while i < names.len() {
        let mut j = 0;
        while j < handlers.len() && !same(names[i], handlers[j]) {
            j += 1;
        }
        if j == handlers.len() {
            return Some(names[i]);
        }
        i += 1;
    }
    None
}

/// `tauri::generate_handler!`, refusing to compile when a handler is not named as the
/// command it takes (the window calls it by that name), or when a declared command
/// has no handler. The raw handlers, which read their body themselves, are named after
/// a declared constant instead.
macro_rules! handlers {
    (
        $($module:ident::$handler:ident),* $(,)?
        ; raw: $($raw_module:ident::$raw:ident = $raw_name:path),* $(,)?
    ) => {{
        // The panic's message is the name of a declared command left without one.
        const _: () = if let Some(name) =
            $crate::ipc::unhandled(&[$(stringify!($handler),)* $(stringify!($raw)),*])
        {
            panic!("{}", name);
        };
        $(const _: () = assert!(
            $crate::ipc::same($crate::ipc::command_name(&$module::$handler), stringify!($handler)),
            concat!(stringify!($module::$handler), " is not named as the command it takes"),
        );)*
        $(const _: () = assert!(
            $crate::ipc::same($raw_name, stringify!($raw)),
            concat!(stringify!($raw_module::$raw), " is not named as ", stringify!($raw_name)),
        );)*
        tauri::generate_handler![$($module::$handler,)* $($raw_module::$raw),*]
    }};
}

pub(crate) use handlers;
