//! Writing ONNX model files: the small subset of `onnx.proto` a converted inference graph
//! needs (a model, one graph, nodes with int/float/ints attributes, tensor initializers,
//! and typed inputs and outputs whose dimensions may be named), encoded by hand.
//!
//! Protobuf's wire format (<https://protobuf.dev/programming-guides/encoding/>) is a
//! sequence of fields, each a key `(field_number << 3) | wire_type` as a varint, then
//! the value: a varint (wire type 0), four little-endian bytes (5), or a varint length
//! and that many bytes (2) for strings, bytes and nested messages. Field numbers come
//! from onnx/onnx's `onnx/onnx.proto`; they are stable across ONNX releases.
//!
//! Fields are written in field-number order and nothing depends on a clock or a hash
//! map, so the same graph always encodes to the same bytes: the build's sha256 can be
//! pinned in `models/manifest.json`.

use std::collections::BTreeSet;

use anyhow::bail;

/// IR version 8 is what ONNX 1.13, the release that introduced opset 18, writes;
/// ONNX Runtime 1.32 and the `onnx` checker both accept the pair.
pub const IR_VERSION: i64 = 8;
/// Opset 18: `LayerNormalization` (17+) and reductions that take their axes as an
/// input (18+) are both available.
pub const OPSET: i64 = 18;
/// A graph with 4-bit weights needs opset 21 (INT4 tensors, `DequantizeLinear`'s
/// `block_size`) and IR version 10, which introduced INT4.
pub const IR_VERSION_INT4: i64 = 10;
pub const OPSET_INT4: i64 = 21;
pub const PRODUCER: &str = "satchel-xtask";

const WIRE_VARINT: u64 = 0;
const WIRE_LEN: u64 = 2;
const WIRE_FIXED32: u64 = 5;

/// `TensorProto.DataType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElemType {
    Float = 1,
    Uint8 = 2,
    Int8 = 3,
    Int64 = 7,
    /// Two values to a byte, the first in the low nibble (ONNX's packing).
    Int4 = 22,
}

#[derive(Debug)]
enum Value {
    Varint(u64),
    Fixed32(u32),
    Bytes(Vec<u8>),
    Message(Message),
}

/// A protobuf message as a list of fields, encoded once its whole tree is known (a
/// nested message's length prefix needs the encoded size of everything inside it).
#[derive(Debug, Default)]
pub struct Message {
    fields: Vec<(u32, Value)>,
}

fn varint_len(value: u64) -> usize {
    // Seven payload bits per byte; zero still takes one byte.
    (64 - value.leading_zeros() as usize).div_ceil(7).max(1)
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

impl Message {
    fn varint(&mut self, field: u32, value: u64) -> &mut Self {
        self.fields.push((field, Value::Varint(value)));
        self
    }

    /// An `int64`/`int32` field: negative numbers are their two's complement as a
    /// ten-byte varint (protobuf's rule for non-zigzag signed types).
    fn int(&mut self, field: u32, value: i64) -> &mut Self {
        self.varint(field, value as u64)
    }

    fn float(&mut self, field: u32, value: f32) -> &mut Self {
        self.fields.push((field, Value::Fixed32(value.to_bits())));
        self
    }

    fn bytes(&mut self, field: u32, value: Vec<u8>) -> &mut Self {
        self.fields.push((field, Value::Bytes(value)));
        self
    }

    fn string(&mut self, field: u32, value: &str) -> &mut Self {
        self.bytes(field, value.as_bytes().to_vec())
    }

    fn message(&mut self, field: u32, value: Message) -> &mut Self {
        self.fields.push((field, Value::Message(value)));
        self
    }

    pub fn encoded_len(&self) -> usize {
        self.fields
            .iter()
            .map(|(field, value)| {
                let key = varint_len(u64::from(*field) << 3);
                key + match value {
                    Value::Varint(v) => varint_len(*v),
                    Value::Fixed32(_) => 4,
                    Value::Bytes(b) => varint_len(b.len() as u64) + b.len(),
                    Value::Message(m) => {
                        let len = m.encoded_len();
                        varint_len(len as u64) + len
                    }
                }
            })
            .sum()
    }

    fn encode_into(&self, out: &mut Vec<u8>) {
        for (field, value) in &self.fields {
            let key = u64::from(*field) << 3;
            match value {
                Value::Varint(v) => {
                    write_varint(out, key | WIRE_VARINT);
                    write_varint(out, *v);
                }
                Value::Fixed32(v) => {
                    write_varint(out, key | WIRE_FIXED32);
                    out.extend(v.to_le_bytes());
                }
                Value::Bytes(b) => {
                    write_varint(out, key | WIRE_LEN);
                    write_varint(out, b.len() as u64);
                    out.extend(b);
                }
                Value::Message(m) => {
                    write_varint(out, key | WIRE_LEN);
                    write_varint(out, m.encoded_len() as u64);
                    m.encode_into(out);
                }
            }
        }
    }

    /// The encoded bytes, allocated once at their final size (a model is ~90 MB).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode_into(&mut out);
        out
    }
}

/// One dimension of a graph input or output: fixed, or named so that it can vary per
/// call (`TensorShapeProto.Dimension.dim_value` = 1 / `dim_param` = 2).
#[derive(Debug, Clone, Copy)]
pub enum Dim {
    Fixed(i64),
    Named(&'static str),
}

/// A node attribute (`AttributeProto`: name = 1, f = 2, i = 3, ints = 8, type = 20).
#[derive(Debug, Clone)]
pub enum Attribute {
    Int(&'static str, i64),
    Float(&'static str, f32),
    Ints(&'static str, Vec<i64>),
    String(&'static str, &'static str),
}

impl Attribute {
    fn message(&self) -> Message {
        // AttributeProto.AttributeType: FLOAT = 1, INT = 2, STRING = 3, INTS = 7;
        // s = 4.
        let mut m = Message::default();
        match self {
            Attribute::Float(name, value) => m.string(1, name).float(2, *value).int(20, 1),
            Attribute::Int(name, value) => m.string(1, name).int(3, *value).int(20, 2),
            Attribute::String(name, value) => m.string(1, name).string(4, value).int(20, 3),
            Attribute::Ints(name, values) => {
                m.string(1, name);
                // `repeated int64 ints = 8` is not declared packed (proto2): one key
                // per element.
                for value in values {
                    m.int(8, *value);
                }
                m.int(20, 7)
            }
        };
        m
    }
}

/// `TensorProto`: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian,
/// row-major).
fn tensor(name: &str, elem_type: ElemType, dims: &[usize], raw_data: Vec<u8>) -> Message {
    let mut m = Message::default();
    for &dim in dims {
        m.int(1, dim as i64);
    }
    m.int(2, elem_type as i64)
        .string(8, name)
        .bytes(9, raw_data);
    m
}

/// `ValueInfoProto` (name = 1, type = 2) → `TypeProto.tensor_type` (1) →
/// `Tensor` (elem_type = 1, shape = 2) → `TensorShapeProto.dim` (1).
fn value_info(name: &str, elem_type: ElemType, dims: &[Dim]) -> Message {
    let mut shape = Message::default();
    for dim in dims {
        let mut d = Message::default();
        match dim {
            Dim::Fixed(value) => d.int(1, *value),
            Dim::Named(param) => d.string(2, param),
        };
        shape.message(1, d);
    }
    let mut tensor_type = Message::default();
    tensor_type.int(1, elem_type as i64).message(2, shape);
    let mut type_proto = Message::default();
    type_proto.message(1, tensor_type);
    let mut m = Message::default();
    m.string(1, name).message(2, type_proto);
    m
}

/// Builds a `GraphProto` in topological order: each node's inputs must already be a
/// graph input, an initializer or an earlier node's output (ONNX requires that order).
#[derive(Debug, Default)]
pub struct Graph {
    nodes: Vec<Message>,
    initializers: Vec<Message>,
    inputs: Vec<Message>,
    outputs: Vec<Message>,
    /// Every value defined so far, to refuse a duplicate or a forward reference while
    /// building rather than when ONNX Runtime loads the file.
    defined: BTreeSet<String>,
    bytes_of_weights: usize,
    /// Whether a 4-bit weight is in it, which raises the opset.
    int4: bool,
}

impl Graph {
    fn define(&mut self, name: &str) -> anyhow::Result<String> {
        if !self.defined.insert(name.to_owned()) {
            bail!("the graph already has a value named {name:?}");
        }
        Ok(name.to_owned())
    }

    pub fn input(
        &mut self,
        name: &str,
        elem_type: ElemType,
        dims: &[Dim],
    ) -> anyhow::Result<String> {
        self.inputs.push(value_info(name, elem_type, dims));
        self.define(name)
    }

    /// Declares `name` (already computed by a node) as a graph output.
    pub fn output(&mut self, name: &str, elem_type: ElemType, dims: &[Dim]) -> anyhow::Result<()> {
        if !self.defined.contains(name) {
            bail!("output {name:?} is not computed by the graph");
        }
        self.outputs.push(value_info(name, elem_type, dims));
        Ok(())
    }

    /// A float32 initializer from little-endian bytes.
    pub fn weight(
        &mut self,
        name: &str,
        dims: &[usize],
        le_bytes: Vec<u8>,
    ) -> anyhow::Result<String> {
        let expected = dims.iter().product::<usize>() * 4;
        if le_bytes.len() != expected {
            bail!("{name}: {} bytes for f32 {dims:?}", le_bytes.len());
        }
        self.bytes_of_weights += le_bytes.len();
        self.initializers
            .push(tensor(name, ElemType::Float, dims, le_bytes));
        self.define(name)
    }

    /// An int8 initializer (a quantised weight, read through `DequantizeLinear`).
    pub fn int8_weight(
        &mut self,
        name: &str,
        dims: &[usize],
        values: &[i8],
    ) -> anyhow::Result<String> {
        let bytes = values.iter().map(|v| *v as u8).collect();
        self.byte_weight(name, ElemType::Int8, dims, bytes)
    }

    /// A uint8 initializer, its bytes as they are.
    pub fn uint8_weight(
        &mut self,
        name: &str,
        dims: &[usize],
        bytes: Vec<u8>,
    ) -> anyhow::Result<String> {
        self.byte_weight(name, ElemType::Uint8, dims, bytes)
    }

    /// An initializer of one byte per value.
    fn byte_weight(
        &mut self,
        name: &str,
        elem: ElemType,
        dims: &[usize],
        bytes: Vec<u8>,
    ) -> anyhow::Result<String> {
        if dims.iter().product::<usize>() != bytes.len() {
            bail!("{name}: {} values for {elem:?} {dims:?}", bytes.len());
        }
        self.bytes_of_weights += bytes.len();
        self.initializers.push(tensor(name, elem, dims, bytes));
        self.define(name)
    }

    /// A signed 4-bit initializer: `values` in [-8, 7], packed two to a byte.
    pub fn int4_weight(
        &mut self,
        name: &str,
        dims: &[usize],
        values: &[i8],
    ) -> anyhow::Result<String> {
        if dims.iter().product::<usize>() != values.len() {
            bail!("{name}: {} values for int4 {dims:?}", values.len());
        }
        if let Some(out) = values.iter().find(|v| !(-8..=7).contains(*v)) {
            bail!("{name}: {out} does not fit in 4 bits");
        }
        let bytes: Vec<u8> = values
            .chunks(2)
            .map(|pair| {
                let low = pair[0] as u8 & 0x0F;
                let high = pair.get(1).map_or(0, |v| *v as u8 & 0x0F);
                low | (high << 4)
            })
            .collect();
        self.bytes_of_weights += bytes.len();
        self.int4 = true;
        self.initializers
            .push(tensor(name, ElemType::Int4, dims, bytes));
        self.define(name)
    }

    pub fn floats(&mut self, name: &str, dims: &[usize], values: &[f32]) -> anyhow::Result<String> {
        let bytes = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.weight(name, dims, bytes)
    }

    pub fn ints(&mut self, name: &str, dims: &[usize], values: &[i64]) -> anyhow::Result<String> {
        if dims.iter().product::<usize>() != values.len() {
            bail!("{name}: {} values for {dims:?}", values.len());
        }
        let bytes = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.initializers
            .push(tensor(name, ElemType::Int64, dims, bytes));
        self.define(name)
    }

    /// Appends a node of the default (`ai.onnx`) domain with one output, named
    /// `output`; the node takes the same name. `NodeProto`: input = 1, output = 2,
    /// name = 3, op_type = 4, attribute = 5.
    pub fn node(
        &mut self,
        output: &str,
        op_type: &str,
        inputs: &[&str],
        attributes: &[Attribute],
    ) -> anyhow::Result<String> {
        if let Some(missing) = inputs.iter().find(|i| !self.defined.contains(**i)) {
            bail!("{op_type} {output:?} reads {missing:?}, which is not defined yet");
        }
        let mut m = Message::default();
        for input in inputs {
            m.string(1, input);
        }
        m.string(2, output).string(3, output).string(4, op_type);
        for attribute in attributes {
            m.message(5, attribute.message());
        }
        self.nodes.push(m);
        self.define(output)
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn bytes_of_weights(&self) -> usize {
        self.bytes_of_weights
    }

    /// The `ModelProto` around this graph. ModelProto: ir_version = 1,
    /// producer_name = 2, doc_string = 6, graph = 7, opset_import = 8
    /// (`OperatorSetIdProto`: domain = 1, version = 2; the empty domain is `ai.onnx`).
    /// GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.
    pub fn into_model(self, graph_name: &str, doc_string: &str) -> Message {
        let mut graph = Message::default();
        for node in self.nodes {
            graph.message(1, node);
        }
        graph.string(2, graph_name);
        for initializer in self.initializers {
            graph.message(5, initializer);
        }
        for input in self.inputs {
            graph.message(11, input);
        }
        for output in self.outputs {
            graph.message(12, output);
        }
        let (ir_version, opset_version) = if self.int4 {
            (IR_VERSION_INT4, OPSET_INT4)
        } else {
            (IR_VERSION, OPSET)
        };
        let mut opset = Message::default();
        // The empty domain is written out, as the `onnx` package does.
        opset.string(1, "").int(2, opset_version);
        let mut model = Message::default();
        model
            .int(1, ir_version)
            .string(2, PRODUCER)
            .string(6, doc_string)
            .message(7, graph)
            .message(8, opset);
        model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_match_the_protobuf_documentation() {
        // Examples from https://protobuf.dev/programming-guides/encoding/.
        for (value, bytes) in [
            (0u64, &[0x00][..]),
            (1, &[0x01]),
            (127, &[0x7f]),
            (128, &[0x80, 0x01]),
            (150, &[0x96, 0x01]),
            (300, &[0xac, 0x02]),
            (
                u64::MAX,
                &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
            ),
        ] {
            let mut out = Vec::new();
            write_varint(&mut out, value);
            assert_eq!(out, bytes, "{value}");
            assert_eq!(varint_len(value), bytes.len(), "{value}");
        }
    }

    #[test]
    fn fields_match_the_protobuf_documentation() {
        // "08 96 01": field 1 = 150; "12 07 74 65 73 74 69 6e 67": field 2 = "testing";
        // "1a 03 08 96 01": field 3 = a message whose field 1 = 150.
        let mut inner = Message::default();
        inner.varint(1, 150);
        let mut m = Message::default();
        m.varint(1, 150).string(2, "testing").message(3, inner);
        let expected = [
            0x08, 0x96, 0x01, 0x12, 0x07, b't', b'e', b's', b't', b'i', b'n', b'g', 0x1a, 0x03,
            0x08, 0x96, 0x01,
        ];
        assert_eq!(m.encode(), expected);
        assert_eq!(m.encoded_len(), expected.len());
    }

    #[test]
    fn negative_ints_and_floats_use_protobuf_encodings() {
        let mut m = Message::default();
        m.int(3, -1).float(2, 1.0);
        let mut expected = vec![0x18];
        expected.extend([0xff; 9]);
        expected.push(0x01);
        expected.extend([0x15, 0x00, 0x00, 0x80, 0x3f]);
        assert_eq!(m.encode(), expected);
    }

    #[test]
    fn attributes_and_tensors_encode_their_onnx_fields() {
        let axis = Attribute::Int("axis", -1).message().encode();
        let mut expected = vec![0x0a, 4, b'a', b'x', b'i', b's', 0x18];
        expected.extend([0xff; 9]);
        expected.extend([0x01, 0xa0, 0x01, 0x02]);
        assert_eq!(axis, expected);

        let t = tensor(
            "w",
            ElemType::Float,
            &[2],
            [0.0f32, 1.0].iter().flat_map(|v| v.to_le_bytes()).collect(),
        )
        .encode();
        let expected = [
            0x08, 0x02, 0x10, 0x01, 0x42, 0x01, b'w', 0x4a, 0x08, 0, 0, 0, 0, 0, 0, 0x80, 0x3f,
        ];
        assert_eq!(t, expected);
    }

    /// `y = x + 1` with `x: float[n]`, byte for byte. The expected bytes were produced by
    /// the `onnx` Python package's `helper.make_model` and `SerializeToString()` for the
    /// same model (fields in the same order), and ONNX Runtime ran that file.
    #[test]
    fn a_tiny_model_encodes_as_onnx_does() {
        let mut g = Graph::default();
        g.input("x", ElemType::Float, &[Dim::Named("n")]).unwrap();
        g.floats("one", &[1], &[1.0]).unwrap();
        g.node("y", "Add", &["x", "one"], &[]).unwrap();
        g.output("y", ElemType::Float, &[Dim::Named("n")]).unwrap();
        let bytes = g.into_model("tiny", "tiny test").encode();
        assert_eq!(hex(&bytes), TINY_MODEL_HEX);
    }

    #[test]
    fn the_graph_refuses_undefined_inputs_and_duplicate_names() {
        let mut g = Graph::default();
        g.input("x", ElemType::Float, &[Dim::Fixed(1)]).unwrap();
        assert!(g.node("y", "Relu", &["nope"], &[]).is_err());
        assert!(g.node("x", "Relu", &["x"], &[]).is_err());
        assert!(g.output("z", ElemType::Float, &[]).is_err());
        assert!(g.floats("w", &[2], &[1.0]).is_err());
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    const TINY_MODEL_HEX: &str = concat!(
        "0808120d7361746368656c2d787461736b320974696e7920746573743a500a130a01780a036f6e65",
        "1201791a01792203416464120474696e792a0f0801100142036f6e654a040000803f5a100a017812",
        "0b0a09080112050a0312016e62100a0179120b0a09080112050a0312016e42040a001012",
    );
}
