//! The programs that make test media the way real media is made: espeak-ng speech,
//! Ghostscript PDFs and Pango's shaped text (Debian's espeak-ng, ghostscript and
//! pango1.0-tools; `cargo xtask test` installs them). Each failure is an error that names the program and says what it printed.

use std::ffi::OsStr;
use std::io;
use std::path::Path;
use std::process::Command;

/// Runs `program` with `args` to its end; an error unless it succeeds.
pub fn run<S: AsRef<OsStr>>(program: &str, args: &[S]) -> io::Result<()> {
    run_command(Command::new(program).args(args))
}

fn run_command(command: &mut Command) -> io::Result<()> {
    let program = command.get_program().to_string_lossy().into_owned();
    let out = command
        .output()
        .map_err(|e| io::Error::new(e.kind(), format!("{program} does not run: {e}")))?;
    if out.status.success() {
        return Ok(());
    }
    let args: Vec<_> = command.get_args().map(OsStr::to_string_lossy).collect();
    Err(io::Error::other(format!(
        "{program} {args:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr).trim()
    )))
}

/// `text` spoken by espeak-ng at a calm classroom pace (140 words a minute) into a
/// WAV file (22,050 Hz).
pub fn speak(text: &str, wav: &Path) -> io::Result<()> {
    speak_with(text, wav, &[])
}

/// [`speak`] with more of espeak-ng's options (a voice, a pitch).
pub fn speak_with(text: &str, wav: &Path, args: &[&str]) -> io::Result<()> {
    run_command(
        Command::new("espeak-ng")
            .args(["-s", "140"])
            .args(args)
            .arg("-w")
            .arg(wav)
            .arg(text),
    )
}

/// Ghostscript's pdfwrite makes `pdf` from `args`: options, then PostScript files
/// (or `-c` and PostScript itself).
pub fn pdfwrite(pdf: &Path, args: &[&str]) -> io::Result<()> {
    run_command(
        Command::new("gs")
            .args(["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite"])
            .arg(format!("-sOutputFile={}", pdf.display()))
            .args(args),
    )
}

/// `postscript` made the PDF `pdf` by [`pdfwrite`] with options `gs_args`
/// (encryption, say); the PostScript is kept beside it, with the extension `.ps`.
pub fn postscript_pdf(postscript: &str, pdf: &Path, gs_args: &[&str]) -> io::Result<()> {
    let source = pdf.with_extension("ps");
    std::fs::write(&source, postscript)?;
    let source = source.display().to_string();
    let mut args = gs_args.to_vec();
    args.push(&source);
    pdfwrite(pdf, &args)
}

/// `lines` drawn shaped by Pango into the PNG `out`, black on white at 28 px in
/// `family`, right-aligned when `right_to_left`. ImageMagick's own text drawing neither
/// joins Arabic letters nor puts Devanagari's vowel signs in place; Pango does both, as
/// a printed page has them.
pub fn shaped_lines(
    lines: &[&str],
    family: &str,
    right_to_left: bool,
    out: &Path,
) -> io::Result<()> {
    let mut command = Command::new("pango-view");
    command
        .arg("-q")
        .arg(format!("--font={family} 28px"))
        .args([
            "--margin=40",
            "--spacing=12",
            "--background=white",
            "--dpi=96",
        ])
        .arg("-o")
        .arg(out)
        .arg(format!("--text={}", lines.join("\n")));
    if right_to_left {
        command.args(["--rtl", "--align=right"]);
    }
    run_command(&mut command)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_program_is_an_error_that_says_what_it_printed() {
        let error = run("sh", &["-c", "echo broken >&2; exit 3"]).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("sh"), "{message}");
        assert!(message.contains("broken"), "{message}");
        run("sh", &["-c", "exit 0"]).unwrap();
    }

    #[test]
    fn a_missing_program_is_an_error_not_a_panic() {
        let error = run::<&str>("satchel-no-such-program", &[]).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert!(error.to_string().contains("satchel-no-such-program"));
    }
}
