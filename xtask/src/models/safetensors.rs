//! Reading a `.safetensors` file (<https://github.com/huggingface/safetensors>): a u64
//! little-endian header length, a JSON header mapping each tensor name to its dtype,
//! shape and `[begin, end)` byte offsets (counted from the end of the header), then
//! the tensors' little-endian bytes.

use std::collections::BTreeMap;

use anyhow::{Context, bail};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Entry {
    dtype: String,
    shape: Vec<usize>,
    data_offsets: [usize; 2],
}

#[derive(Debug)]
pub struct SafeTensors {
    bytes: Vec<u8>,
    /// Where the tensor data starts: 8 + the header's length.
    data_start: usize,
    entries: BTreeMap<String, Entry>,
}

fn dtype_size(dtype: &str) -> Option<usize> {
    Some(match dtype {
        "F64" | "I64" | "U64" => 8,
        "F32" | "I32" | "U32" => 4,
        "F16" | "BF16" | "I16" | "U16" => 2,
        "I8" | "U8" | "BOOL" => 1,
        _ => return None,
    })
}

impl SafeTensors {
    pub fn parse(bytes: Vec<u8>) -> anyhow::Result<Self> {
        let Some((length, rest)) = bytes.split_first_chunk::<8>() else {
            bail!("safetensors file shorter than its header length");
        };
        let header_len = usize::try_from(u64::from_le_bytes(*length))?;
        let header = rest
            .get(..header_len)
            .context("safetensors header runs past the end of the file")?;
        let mut raw: BTreeMap<String, serde_json::Value> =
            serde_json::from_slice(header).context("safetensors header")?;
        // Free-form string metadata ({"format": "pt"}), not a tensor.
        raw.remove("__metadata__");
        let data_start = 8 + header_len;
        let data_len = bytes.len() - data_start;
        let mut entries = BTreeMap::new();
        for (name, value) in raw {
            let entry: Entry =
                serde_json::from_value(value).with_context(|| format!("tensor {name}"))?;
            let size = dtype_size(&entry.dtype)
                .with_context(|| format!("{name}: unknown dtype {}", entry.dtype))?;
            let [begin, end] = entry.data_offsets;
            let elements = entry
                .shape
                .iter()
                .try_fold(1usize, |n, d| n.checked_mul(*d));
            if begin > end
                || end > data_len
                || elements.and_then(|n| n.checked_mul(size)) != Some(end - begin)
            {
                bail!(
                    "{name}: offsets {begin}..{end} do not hold {} {:?} in {data_len} bytes",
                    entry.dtype,
                    entry.shape
                );
            }
            entries.insert(name, entry);
        }
        Ok(Self {
            bytes,
            data_start,
            entries,
        })
    }

    /// The little-endian bytes of an f32 tensor, checked against the shape the caller
    /// expects (a wrong config would otherwise build a graph that fails only at run time).
    pub fn f32_bytes(&self, name: &str, shape: &[usize]) -> anyhow::Result<&[u8]> {
        let entry = self
            .entries
            .get(name)
            .with_context(|| format!("the weights have no tensor {name:?}"))?;
        if entry.dtype != "F32" || entry.shape != shape {
            bail!(
                "{name} is {} {:?}, expected F32 {shape:?}",
                entry.dtype,
                entry.shape
            );
        }
        let [begin, end] = entry.data_offsets;
        Ok(&self.bytes[self.data_start + begin..self.data_start + end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(header: &str, data: &[u8]) -> Vec<u8> {
        let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
        bytes.extend(header.as_bytes());
        bytes.extend(data);
        bytes
    }

    #[test]
    fn reads_tensors_and_checks_their_offsets() {
        let data: Vec<u8> = [1.5f32, -2.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let header = r#"{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[1,2],"data_offsets":[0,8]}}"#;
        let st = SafeTensors::parse(file(header, &data)).unwrap();
        assert_eq!(st.f32_bytes("w", &[1, 2]).unwrap(), data.as_slice());
        assert!(st.f32_bytes("w", &[2]).is_err(), "wrong shape");
        assert!(st.f32_bytes("v", &[1, 2]).is_err(), "missing tensor");

        let short = r#"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#;
        assert!(SafeTensors::parse(file(short, &data)).is_err());
        let past_end = r#"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#;
        assert!(SafeTensors::parse(file(past_end, &data)).is_err());
        assert!(SafeTensors::parse(vec![0xff; 12]).is_err());
    }
}
