//! Reads the text in an image: `cargo run -p satchel-media --example ocr -- IMAGE`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("give an image")?;
    let models = std::path::PathBuf::from(std::env::var("HOME")?).join(".cache/satchel/models");
    let engine = satchel_engines::ocr::OcrEngine::load(
        &models.join(satchel_engines::ocr::RUNTIME_LIBRARY),
        &models,
        2,
    )?;
    let image = satchel_media::image_in::open_image(path.as_ref(), Default::default())?;
    let started = std::time::Instant::now();
    let page = engine.read(&image)?;
    for line in &page.lines {
        println!(
            "{:.2} {:?} {}",
            line.confidence,
            line.bbox.map(|v| v.round()),
            line.text
        );
    }
    eprintln!("{} lines in {:?}", page.lines.len(), started.elapsed());
    Ok(())
}
