using Shifa.Evaluation.Metrics.BertScore;
using Shifa.Modeling.Architectures.Bert;

namespace Shifa.Evaluation.Tests.Metrics.BertScore;

// One tiny encoder folder, loaded once for a test class: the scorer's encoder (batched, padded) and the
// plain-loop reference (one unpadded sentence at a time) both read it from disk through the strict loader.
public abstract class TinyEncoderFixture : IDisposable
{
    public const int Layer = 2;
    private readonly IDisposable _folder;

    protected TinyEncoderFixture(IDisposable folder, string path, string name, Func<string, IEncoderTokenizer> loadTokenizer)
    {
        _folder = folder;
        Path = path;
        Encoder = TorchBertEncoder.Load(path, Layer, name);
        Plain = new PlainBertScore(BertModel.Load(path), loadTokenizer(path), Layer);
    }

    public TorchBertEncoder Encoder { get; }

    public string Path { get; }

    public PlainBertScore Plain { get; }

    public void Dispose()
    {
        Encoder.Dispose();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
