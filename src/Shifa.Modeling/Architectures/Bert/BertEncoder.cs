// The stack of BERT layers (Hugging Face BertEncoder: parameters encoder.layer.N.*).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>The layer stack; may hold fewer layers than the config when truncated.</summary>
public sealed class BertEncoder : nn.Module
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly ModuleList<BertLayer> layer;
#pragma warning restore IDE1006

    /// <summary>Builds <paramref name="layers"/> layers.</summary>
    public BertEncoder(BertConfig config, int layers) : base(nameof(BertEncoder))
    {
        layer = new ModuleList<BertLayer>();
        for (var i = 0; i < layers; i++)
        {
            layer.Add(new BertLayer(config));
        }

        RegisterComponents();
    }

    /// <summary>Number of layers held.</summary>
    public int Count => layer.Count;

    /// <summary>Runs layers 0..<paramref name="upTo"/>−1 and returns the hidden state after them.</summary>
    public Tensor Forward(Tensor x, Tensor additiveMask, int upTo)
    {
        for (var i = 0; i < upTo; i++)
        {
            x = layer[i].forward(x, additiveMask);
        }

        return x;
    }
}
