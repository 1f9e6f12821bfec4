// BERT bidirectional self-attention (Hugging Face BertSelfAttention + BertSelfOutput as BertAttention).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>Query, key and value projections of one BERT layer.</summary>
public sealed class BertSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
#pragma warning restore IDE1006
    private readonly int _heads;

    /// <summary>Builds the projections.</summary>
    public BertSelfAttention(BertConfig config) : base(nameof(BertSelfAttention))
    {
        _heads = config.NumAttentionHeads;
        query = nn.Linear(config.HiddenSize, config.HiddenSize);
        key = nn.Linear(config.HiddenSize, config.HiddenSize);
        value = nn.Linear(config.HiddenSize, config.HiddenSize);
        RegisterComponents();
    }

    /// <summary>Attention over (batch, time, hidden) with an additive (batch, 1, 1, time) mask.</summary>
    public override Tensor forward(Tensor x, Tensor additiveMask)
    {
        long batch = x.shape[0], time = x.shape[1], hidden = x.shape[2], headDim = hidden / _heads;
        var q = query.forward(x).view(batch, time, _heads, headDim).transpose(1, 2);   // (B, H, T, hd)
        var k = key.forward(x).view(batch, time, _heads, headDim).transpose(1, 2);     // (B, H, T, hd)
        var v = value.forward(x).view(batch, time, _heads, headDim).transpose(1, 2);   // (B, H, T, hd)
        var scores = q.matmul(k.transpose(-1, -2)) / Math.Sqrt(headDim) + additiveMask; // (B, H, T, T)
        var y = nn.functional.softmax(scores, -1).matmul(v);                           // (B, H, T, hd)
        return y.transpose(1, 2).contiguous().view(batch, time, hidden);                // (B, T, C)
    }
}
