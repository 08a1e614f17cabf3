//! What travels: a batch of Automerge sync messages, one per document, in one
//! request or response body. Framed as: a magic and version, a count, then each
//! document's id and message, lengths as little-endian u32. A peer's batch is read
//! with limits, since a peer may be broken or hostile.

use crate::{DocId, SyncError};

const MAGIC: &[u8; 4] = b"SSB1";
/// Documents in one batch, at most.
pub const MAX_DOCS: usize = 10_000;
/// One message's size, at most (a document's first sync carries all of it).
pub const MAX_MESSAGE_BYTES: usize = 64 << 20;

/// Sync messages for several documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub messages: Vec<(DocId, Vec<u8>)>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn encode(&self) -> Vec<u8> {
        let size = self
            .messages
            .iter()
            .map(|(id, m)| 8 + id.as_str().len() + m.len())
            .sum::<usize>();
        let mut out = Vec::with_capacity(8 + size);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.messages.len() as u32).to_le_bytes());
        for (id, message) in &self.messages {
            out.extend_from_slice(&(id.as_str().len() as u32).to_le_bytes());
            out.extend_from_slice(id.as_str().as_bytes());
            out.extend_from_slice(&(message.len() as u32).to_le_bytes());
            out.extend_from_slice(message);
        }
        out
    }

    pub fn decode(mut bytes: &[u8]) -> Result<Batch, SyncError> {
        fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Result<&'a [u8], SyncError> {
            let (head, rest) = bytes
                .split_at_checked(n)
                .ok_or_else(|| SyncError::BadMessage("a batch cut short".into()))?;
            *bytes = rest;
            Ok(head)
        }
        fn length(bytes: &mut &[u8]) -> Result<usize, SyncError> {
            let raw: [u8; 4] = take(bytes, 4)?
                .try_into()
                .map_err(|_| SyncError::BadMessage("a batch cut short".into()))?;
            Ok(u32::from_le_bytes(raw) as usize)
        }
        if take(&mut bytes, 4)? != MAGIC {
            return Err(SyncError::BadMessage("not a Satchel sync batch".into()));
        }
        let count = length(&mut bytes)?;
        if count > MAX_DOCS {
            return Err(SyncError::BadMessage(format!(
                "{count} documents in one batch (at most {MAX_DOCS})"
            )));
        }
        let mut messages = Vec::with_capacity(count.min(1024));
        for _ in 0..count {
            let id_len = length(&mut bytes)?;
            let id = std::str::from_utf8(take(&mut bytes, id_len)?)
                .map_err(|_| SyncError::BadMessage("a document id that is not text".into()))?;
            let id = DocId::parse(id)?;
            let message_len = length(&mut bytes)?;
            if message_len > MAX_MESSAGE_BYTES {
                return Err(SyncError::BadMessage(format!(
                    "a message of {message_len} bytes"
                )));
            }
            messages.push((id, take(&mut bytes, message_len)?.to_vec()));
        }
        if !bytes.is_empty() {
            return Err(SyncError::BadMessage("bytes after the batch".into()));
        }
        Ok(Batch { messages })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_round_trips_and_broken_ones_are_refused() {
        let batch = Batch {
            messages: vec![
                (DocId::parse("notes/a").unwrap(), vec![1, 2, 3]),
                (DocId::parse("reviews/2026-11").unwrap(), Vec::new()),
            ],
        };
        let bytes = batch.encode();
        assert_eq!(Batch::decode(&bytes).unwrap(), batch);
        for cut in 0..bytes.len() {
            assert!(Batch::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Batch::decode(&extra).is_err());
        let mut huge = MAGIC.to_vec();
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(Batch::decode(&huge).is_err());
        let mut bad_id = MAGIC.to_vec();
        bad_id.extend_from_slice(&1u32.to_le_bytes());
        bad_id.extend_from_slice(&4u32.to_le_bytes());
        bad_id.extend_from_slice(b"../x");
        bad_id.extend_from_slice(&0u32.to_le_bytes());
        assert!(matches!(
            Batch::decode(&bad_id),
            Err(SyncError::BadDocId(_))
        ));
    }
}
