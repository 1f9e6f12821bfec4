using System.Text;

namespace Shifa.Modeling.Tests.Tokenization;

// Reads the pieces (text, score, type) and the normalizer's precompiled character map out of a
// SentencePiece .model (protobuf), so a test can rewrite it as transformers' tokenizer.json.
internal static class SentencePieceModelReader
{
    public static (List<(string Piece, float Score, int Type)> Pieces, byte[] Charsmap) Read(byte[] model)
    {
        var pieces = new List<(string, float, int)>();
        var charsmap = Array.Empty<byte>();
        foreach (var (field, value) in Fields(model))
        {
            if (field == 1)
            {
                string piece = "";
                float score = 0;
                var type = 1;
                foreach (var (f, v) in Fields(value))
                {
                    switch (f)
                    {
                        case 1: piece = Encoding.UTF8.GetString(v); break;
                        case 2: score = BitConverter.ToSingle(v); break;
                        case 3: type = (int)Varint(v, 0).Value; break;
                    }
                }

                pieces.Add((piece, score, type));
            }
            else if (field == 3)
            {
                charsmap = Fields(value).Where(f => f.Field == 2).Select(f => f.Value).FirstOrDefault() ?? charsmap;
            }
        }

        return (pieces, charsmap);
    }

    // Each field's raw payload: varints re-encoded as their bytes, fixed32 as 4 bytes, length-delimited as the bytes.
    private static IEnumerable<(int Field, byte[] Value)> Fields(byte[] data)
    {
        var i = 0;
        while (i < data.Length)
        {
            var (key, next) = Varint(data, i);
            i = next;
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    var (_, end) = Varint(data, i);
                    yield return (field, data[i..end]);
                    i = end;
                    break;
                case 1:
                    yield return (field, data[i..(i + 8)]);
                    i += 8;
                    break;
                case 2:
                    var (length, start) = Varint(data, i);
                    yield return (field, data[start..(start + (int)length)]);
                    i = start + (int)length;
                    break;
                case 5:
                    yield return (field, data[i..(i + 4)]);
                    i += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unexpected wire type at byte {i}.");
            }
        }
    }

    private static (ulong Value, int Next) Varint(byte[] data, int i)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = data[i++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return (value, i);
            }

            shift += 7;
        }
    }
}
