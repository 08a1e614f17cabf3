//! Reading CTranslate2's `model.bin` (binary version 5 and up): a spec name, then named
//! variables (shape, dtype, bytes), then aliases.

use std::collections::BTreeMap;

use anyhow::{Context, bail};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DType {
    F32,
    I8,
    I16,
    I32,
    F16,
    Bf16,
}

impl DType {
    fn from_code(code: u8) -> anyhow::Result<Self> {
        Ok(match code {
            0 => DType::F32,
            1 => DType::I8,
            2 => DType::I16,
            3 => DType::I32,
            4 => DType::F16,
            5 => DType::Bf16,
            other => bail!("unknown CTranslate2 dtype {other}"),
        })
    }

    pub fn size(self) -> usize {
        match self {
            DType::I8 => 1,
            DType::I16 | DType::F16 | DType::Bf16 => 2,
            DType::F32 | DType::I32 => 4,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Variable {
    pub shape: Vec<usize>,
    pub dtype: DType,
    pub data: Vec<u8>,
}

impl Variable {
    /// A scalar integer (CTranslate2 stores settings such as `num_heads` this way).
    pub fn scalar(&self) -> anyhow::Result<i64> {
        Ok(match (self.dtype, self.data.as_slice()) {
            (DType::I8, [a]) => i64::from(*a as i8),
            (DType::I16, [a, b]) => i64::from(i16::from_le_bytes([*a, *b])),
            (DType::I32, [a, b, c, d]) => i64::from(i32::from_le_bytes([*a, *b, *c, *d])),
            _ => bail!(
                "not an integer scalar: {:?} of {} bytes",
                self.dtype,
                self.data.len()
            ),
        })
    }
}

#[derive(Debug)]
pub struct Model {
    pub spec: String,
    pub variables: BTreeMap<String, Variable>,
    pub aliases: BTreeMap<String, String>,
}

impl Model {
    pub fn get(&self, name: &str) -> anyhow::Result<&Variable> {
        let target = self.aliases.get(name).map_or(name, String::as_str);
        self.variables
            .get(target)
            .with_context(|| format!("the model has no variable {name:?}"))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> anyhow::Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            bail!("model.bin is truncated at byte {}", self.at);
        };
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u8(&mut self) -> anyhow::Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> anyhow::Result<u16> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> anyhow::Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A u16 length that counts a trailing NUL, then the bytes.
    fn string(&mut self) -> anyhow::Result<String> {
        let len = usize::from(self.u16()?);
        let raw = self.take(len)?;
        let text = raw.strip_suffix(&[0]).unwrap_or(raw);
        Ok(String::from_utf8(text.to_vec())?)
    }
}

pub fn parse(bytes: &[u8]) -> anyhow::Result<Model> {
    let mut r = Reader { bytes, at: 0 };
    let version = r.u32()?;
    if version < 5 {
        bail!("CTranslate2 binary version {version} is older than this reader handles (5)");
    }
    let spec = r.string()?;
    let _revision = r.u32()?;
    let count = r.u32()?;
    let mut variables = BTreeMap::new();
    for _ in 0..count {
        let name = r.string()?;
        let ndim = usize::from(r.u8()?);
        let shape = (0..ndim)
            .map(|_| r.u32().map(|d| d as usize))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let dtype = DType::from_code(r.u8()?)?;
        let nbytes = r.u32()? as usize;
        let expected = shape.iter().product::<usize>().max(1) * dtype.size();
        if nbytes != expected {
            bail!("{name}: {nbytes} bytes for shape {shape:?} of {dtype:?}");
        }
        let data = r.take(nbytes)?.to_vec();
        variables.insert(name, Variable { shape, dtype, data });
    }
    let mut aliases = BTreeMap::new();
    for _ in 0..r.u32()? {
        let alias = r.string()?;
        let target = r.string()?;
        aliases.insert(alias, target);
    }
    Ok(Model {
        spec,
        variables,
        aliases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string(out: &mut Vec<u8>, s: &str) {
        out.extend(u16::try_from(s.len() + 1).unwrap().to_le_bytes());
        out.extend(s.as_bytes());
        out.push(0);
    }

    #[test]
    fn reads_variables_scalars_and_aliases() {
        let mut bytes = Vec::new();
        bytes.extend(6u32.to_le_bytes());
        string(&mut bytes, "WhisperSpec");
        bytes.extend(3u32.to_le_bytes());
        bytes.extend(2u32.to_le_bytes());
        string(&mut bytes, "encoder/num_heads");
        bytes.extend([0, 2]);
        bytes.extend(2u32.to_le_bytes());
        bytes.extend(6i16.to_le_bytes());
        string(&mut bytes, "w");
        bytes.extend([2]);
        bytes.extend(1u32.to_le_bytes());
        bytes.extend(2u32.to_le_bytes());
        bytes.extend([0]);
        bytes.extend(8u32.to_le_bytes());
        bytes.extend(1.5f32.to_le_bytes());
        bytes.extend((-2.0f32).to_le_bytes());
        bytes.extend(1u32.to_le_bytes());
        string(&mut bytes, "alias");
        string(&mut bytes, "w");

        let model = parse(&bytes).unwrap();
        assert_eq!(model.spec, "WhisperSpec");
        assert_eq!(model.get("encoder/num_heads").unwrap().scalar().unwrap(), 6);
        assert_eq!(model.get("alias").unwrap().shape, [1, 2]);
        assert!(
            parse(&bytes[..bytes.len() - 3]).is_err(),
            "truncation is an error"
        );
    }
}
