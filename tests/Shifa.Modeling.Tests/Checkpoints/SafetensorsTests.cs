using System.Buffers.Binary;
using System.Text;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Native;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Checkpoints;

public sealed class SafetensorsTests
{
    [Fact]
    public void Tensors_of_each_dtype_and_metadata_round_trip_exactly()
    {
        TorchRuntime.EnsureInitialized();
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        var source = new Dictionary<string, Tensor>
        {
            ["a.f32"] = randn(3, 5),
            ["b.f16"] = randn(4, 2).to_type(ScalarType.Float16),
            ["c.bf16"] = randn(7).to_type(ScalarType.BFloat16),
            ["d.i64"] = arange(0, 6, dtype: ScalarType.Int64).reshape(2, 3),
            ["e.scalar"] = tensor(3.5f),
        };
        string path = temp.Sub("t.safetensors");
        SafetensorsWriter.Write(path, source, new Dictionary<string, string> { ["format"] = "pt" });

        using var file = SafetensorsFile.Open(path);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal(["F32", "F16", "BF16", "I64", "F32"], source.Keys.Select(k => file.Entries[k].DType));
        foreach (var (name, expected) in source)
        {
            var actual = file.Read(name);
            Assert.Equal(expected.dtype, actual.dtype);
            Assert.Equal(expected.shape, actual.shape);
            TensorAssert.Identical(expected, actual, name);
        }
    }

    [Fact]
    public void Layout_is_the_documented_one()
    {
        TorchRuntime.EnsureInitialized();
        using var temp = new TempFolder();
        string path = temp.Sub("x.safetensors");
        SafetensorsWriter.Write(path, [KeyValuePair.Create("w", tensor(new float[] { 1, 2 }))]);
        var bytes = File.ReadAllBytes(path);
        long headerLength = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)headerLength).TrimEnd();
        Assert.Equal("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", header);
        Assert.Equal(8 + headerLength + 8, bytes.Length);
        Assert.Equal(2f, BitConverter.ToSingle(bytes, (int)(8 + headerLength + 4)));
    }

    [Fact]
    public void Offsets_that_disagree_with_the_shape_name_the_tensor()
    {
        using var temp = new TempFolder();
        string path = temp.Sub("bad.safetensors");
        WriteRaw(path, """{"ok":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"bad.weight":{"dtype":"F32","shape":[3],"data_offsets":[4,12]}}""", 12);
        var ex = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));
        Assert.Contains("bad.weight", ex.Message);
        Assert.Contains("needs 12", ex.Message);
    }

    [Fact]
    public void Data_beyond_the_file_and_unknown_dtypes_are_rejected()
    {
        using var temp = new TempFolder();
        string path = temp.Sub("short.safetensors");
        WriteRaw(path, """{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", 8);
        Assert.Contains("outside", Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path)).Message);

        WriteRaw(path, """{"q":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}}""", 1);
        var ex = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));
        Assert.Contains("'q'", ex.Message);
        Assert.Contains("F8_E4M3", ex.Message);
    }

    private static void WriteRaw(string path, string header, int dataBytes)
    {
        var h = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + h.Length + dataBytes];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, h.Length);
        h.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
    }
}
