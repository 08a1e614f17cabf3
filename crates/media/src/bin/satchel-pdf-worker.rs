//! The PDF worker on its own (see `satchel_media::pdf_worker`): reads a PDF on stdin,
//! answers with its pages on stdout.

fn main() {
    let code = satchel_media::pdf_worker::serve(std::io::stdin().lock(), std::io::stdout().lock());
    std::process::exit(code);
}
