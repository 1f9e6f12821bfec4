// Writes a tiny ONNX model by hand (protobuf wire format, field numbers from onnx.proto):
// last_hidden_state = Gather(embedding_table, input_ids), inputs input_ids and attention_mask (int64 [batch, seq]).
using System.Text;

namespace Shifa.Curation.Tests.Fixtures;

internal static class TinyOnnx
{
    /// <summary>Table value of token <paramref name="token"/>, dimension <paramref name="d"/>.</summary>
    public static float Value(int token, int d) => token * 10 + d;

    public static void Write(string path, int vocab, int dims)
    {
        var table = new byte[vocab * dims * 4];
        for (var v = 0; v < vocab; v++)
        {
            for (var d = 0; d < dims; d++)
            {
                BitConverter.TryWriteBytes(table.AsSpan((v * dims + d) * 4), Value(v, d));
            }
        }

        var initializer = Concat(Varints(1, vocab), Varints(1, dims), Varint(2, 1), Str(8, "embedding_table"), Bytes(9, table));
        var node = Concat(Str(1, "embedding_table"), Str(1, "input_ids"), Str(2, "last_hidden_state"), Str(3, "gather"), Str(4, "Gather"));
        var graph = Concat(
            Bytes(1, node),
            Str(2, "tiny"),
            Bytes(5, initializer),
            Bytes(11, ValueInfo("input_ids", 7, ["batch", "seq"])),
            Bytes(11, ValueInfo("attention_mask", 7, ["batch", "seq"])),
            Bytes(12, ValueInfo("last_hidden_state", 1, ["batch", "seq", dims])));
        var opset = Concat(Str(1, ""), Varint(2, 13));
        File.WriteAllBytes(path, Concat(Varint(1, 8), Str(2, "shifa-tests"), Bytes(7, graph), Bytes(8, opset)));
    }

    private static byte[] ValueInfo(string name, int elemType, object[] dims)
    {
        var shape = Concat([.. dims.Select(d => Bytes(1, d is int n ? Varint(1, n) : Str(2, (string)d)))]);
        var tensor = Concat(Varint(1, elemType), Bytes(2, shape));
        return Concat(Str(1, name), Bytes(2, Bytes(1, tensor)));
    }

    private static byte[] Varints(int field, long value) => Varint(field, value);

    private static byte[] Varint(int field, long value) => Concat(Raw((ulong)(field << 3)), Raw((ulong)value));

    private static byte[] Str(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Bytes(int field, byte[] value) => Concat(Raw((ulong)((field << 3) | 2)), Raw((ulong)value.Length), value);

    private static byte[] Raw(ulong v)
    {
        var list = new List<byte>();
        do
        {
            var b = (byte)(v & 0x7F);
            v >>= 7;
            list.Add(v != 0 ? (byte)(b | 0x80) : b);
        }
        while (v != 0);
        return [.. list];
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
