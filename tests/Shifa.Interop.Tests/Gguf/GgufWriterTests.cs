// The GGUF container read back byte by byte: header, typed metadata, reversed shapes, 32-byte aligned data.
using System.Text;
using Shifa.Modeling.Export.Gguf;

namespace Shifa.Interop.Tests.Gguf;

public sealed class GgufWriterTests
{
    [Fact]
    public void File_layout_follows_GGUF_v3()
    {
        var writer = new GgufWriter();
        writer.Add("general.architecture", GgufMetadataValue.String("llama"));
        writer.Add("llama.block_count", GgufMetadataValue.UInt32(2));
        writer.Add("llama.rope.freq_base", GgufMetadataValue.Float32(10000f));
        writer.Add("tokenizer.ggml.tokens", GgufMetadataValue.Strings(["ا", "ب", "🤒"]));
        var matrix = Enumerable.Range(0, 2 * 3).Select(i => i * 0.5f).ToArray();
        writer.AddTensor("a", [2, 3], matrix, GgufTensorType.F32);
        writer.AddTensor("b", [1, 32], Enumerable.Range(0, 32).Select(i => i - 16f).ToArray(), GgufTensorType.Q8_0);
        using var stream = new MemoryStream();
        writer.Write(stream);
        stream.Position = 0;
        using var r = new BinaryReader(stream, Encoding.UTF8);

        Assert.Equal("GGUF"u8.ToArray(), r.ReadBytes(4));
        Assert.Equal(3u, r.ReadUInt32());
        Assert.Equal(2ul, r.ReadUInt64());
        Assert.Equal(4ul, r.ReadUInt64());
        Assert.Equal(("general.architecture", GgufValueType.String), (ReadString(r), (GgufValueType)r.ReadUInt32()));
        Assert.Equal("llama", ReadString(r));
        Assert.Equal(("llama.block_count", GgufValueType.UInt32), (ReadString(r), (GgufValueType)r.ReadUInt32()));
        Assert.Equal(2u, r.ReadUInt32());
        Assert.Equal(("llama.rope.freq_base", GgufValueType.Float32), (ReadString(r), (GgufValueType)r.ReadUInt32()));
        Assert.Equal(10000f, r.ReadSingle());
        Assert.Equal(("tokenizer.ggml.tokens", GgufValueType.Array), (ReadString(r), (GgufValueType)r.ReadUInt32()));
        Assert.Equal((GgufValueType.String, 3ul), ((GgufValueType)r.ReadUInt32(), r.ReadUInt64()));
        Assert.Equal(["ا", "ب", "🤒"], new[] { ReadString(r), ReadString(r), ReadString(r) });

        // Tensor infos: ne[0] (the contiguous dimension) first, type, offset into the aligned data section.
        Assert.Equal("a", ReadString(r));
        Assert.Equal(2u, r.ReadUInt32());
        Assert.Equal((3ul, 2ul), (r.ReadUInt64(), r.ReadUInt64()));
        Assert.Equal((GgufTensorType.F32, 0ul), ((GgufTensorType)r.ReadUInt32(), r.ReadUInt64()));
        Assert.Equal("b", ReadString(r));
        Assert.Equal(2u, r.ReadUInt32());
        Assert.Equal((32ul, 1ul), (r.ReadUInt64(), r.ReadUInt64()));
        Assert.Equal((GgufTensorType.Q8_0, 32ul), ((GgufTensorType)r.ReadUInt32(), r.ReadUInt64()));

        long dataStart = (stream.Position + GgufWriter.Alignment - 1) / GgufWriter.Alignment * GgufWriter.Alignment;
        stream.Position = dataStart;
        Assert.Equal(matrix, Enumerable.Range(0, 6).Select(_ => r.ReadSingle()));
        stream.Position = dataStart + 32;
        float scale = (float)BitConverter.UInt16BitsToHalf(r.ReadUInt16());
        Assert.Equal(16f / 127f, scale, 1e-3f);
        Assert.Equal(-127, (sbyte)r.ReadByte());
        Assert.Equal(dataStart + 32 + 34 + 30, stream.Length);   // last tensor padded to the alignment
    }

    [Fact]
    public void Q8_0_round_trip_error_is_within_half_a_step_plus_scale_rounding()
    {
        var random = new Random(3);
        var data = Enumerable.Range(0, 256).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var back = GgufTensorEncoding.RoundTrip(GgufTensorType.Q8_0, data);
        for (int block = 0; block < data.Length; block += 32)
        {
            float step = data.Skip(block).Take(32).Max(MathF.Abs) / 127f;
            // Half a step of rounding, plus the scale's own rounding to fp16 (relative 2^-11) times at most 127 steps.
            float bound = step * (0.5f + 127f / 2048f);
            for (int i = block; i < block + 32; i++) Assert.True(MathF.Abs(data[i] - back[i]) <= bound, $"value {i}");
        }
    }

    [Fact]
    public void Bad_input_is_refused_with_the_name()
    {
        var writer = new GgufWriter();
        writer.Add("general.name", GgufMetadataValue.String("x"));
        Assert.Contains("general.name", Assert.Throws<ArgumentException>(() => writer.Add("general.name", GgufMetadataValue.String("y"))).Message, StringComparison.Ordinal);
        Assert.Contains("w", Assert.Throws<ArgumentException>(() => writer.AddTensor("w", [2, 3], new float[5], GgufTensorType.F32)).Message, StringComparison.Ordinal);
        Assert.Contains("multiple of 32", Assert.Throws<ArgumentException>(() => writer.AddTensor("q", [2, 40], new float[80], GgufTensorType.Q8_0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Llama_parameter_names_map_to_llama_cpp_tensor_names()
    {
        Assert.Equal("token_embd.weight", GgufTensorNames.ForLlama("model.embed_tokens.weight"));
        Assert.Equal("blk.11.attn_q.weight", GgufTensorNames.ForLlama("model.layers.11.self_attn.q_proj.weight"));
        Assert.Equal("blk.0.ffn_norm.weight", GgufTensorNames.ForLlama("model.layers.0.post_attention_layernorm.weight"));
        Assert.Equal("output.weight", GgufTensorNames.ForLlama("lm_head.weight"));
        Assert.Contains("q_proj.bias", Assert.Throws<NotSupportedException>(() => GgufTensorNames.ForLlama("model.layers.0.self_attn.q_proj.bias")).Message, StringComparison.Ordinal);
    }

    private static string ReadString(BinaryReader r) => Encoding.UTF8.GetString(r.ReadBytes((int)r.ReadUInt64()));
}
