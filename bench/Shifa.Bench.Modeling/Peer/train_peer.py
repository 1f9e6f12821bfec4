"""PyTorch peer of the modeling benchmark: the same LLaMA-style model, batch and optimizer as the C# run.

Run by Program.cs with Debian's python3-torch; prints one JSON line with training tokens/s.
Usage: python3 train_peer.py VOCAB HIDDEN INTERMEDIATE LAYERS HEADS KV_HEADS BATCH TIME STEPS THREADS
"""
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class RmsNorm(nn.Module):
    def __init__(self, size, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(size))
        self.eps = eps

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))


def rotate(x, cos, sin):
    half = x.shape[-1] // 2
    rotated = torch.cat([-x[..., half:], x[..., :half]], dim=-1)
    return x * cos + rotated * sin


def attention(q, k, v):
    # Debian 12's torch 1.13 predates scaled_dot_product_attention; the explicit form computes the same thing.
    if hasattr(F, "scaled_dot_product_attention"):
        return F.scaled_dot_product_attention(q, k, v, is_causal=True)
    t = q.shape[-2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    mask = torch.ones(t, t, dtype=torch.bool).triu(1)
    return scores.masked_fill(mask, float("-inf")).softmax(-1) @ v


class Layer(nn.Module):
    def __init__(self, c, inter, heads, kv):
        super().__init__()
        self.heads, self.kv, self.d = heads, kv, c // heads
        self.q_proj = nn.Linear(c, heads * self.d, bias=False)
        self.k_proj = nn.Linear(c, kv * self.d, bias=False)
        self.v_proj = nn.Linear(c, kv * self.d, bias=False)
        self.o_proj = nn.Linear(heads * self.d, c, bias=False)
        self.gate_proj = nn.Linear(c, inter, bias=False)
        self.up_proj = nn.Linear(c, inter, bias=False)
        self.down_proj = nn.Linear(inter, c, bias=False)
        self.input_layernorm = RmsNorm(c)
        self.post_attention_layernorm = RmsNorm(c)

    def forward(self, x, cos, sin):
        b, t, c = x.shape
        h = self.input_layernorm(x)
        q = rotate(self.q_proj(h).view(b, t, self.heads, self.d).transpose(1, 2), cos, sin)
        k = rotate(self.k_proj(h).view(b, t, self.kv, self.d).transpose(1, 2), cos, sin)
        v = self.v_proj(h).view(b, t, self.kv, self.d).transpose(1, 2)
        if self.kv != self.heads:
            k = k.repeat_interleave(self.heads // self.kv, dim=1)
            v = v.repeat_interleave(self.heads // self.kv, dim=1)
        y = attention(q, k, v).transpose(1, 2).reshape(b, t, c)
        x = x + self.o_proj(y)
        h = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))


class Model(nn.Module):
    def __init__(self, vocab, c, inter, layers, heads, kv):
        super().__init__()
        self.embed_tokens = nn.Embedding(vocab, c)
        self.layers = nn.ModuleList([Layer(c, inter, heads, kv) for _ in range(layers)])
        self.norm = RmsNorm(c)
        self.head_dim = c // heads

    def forward(self, ids):
        t = ids.shape[1]
        inv = 1.0 / (10000 ** (torch.arange(0, self.head_dim, 2, dtype=torch.float32) / self.head_dim))
        angles = torch.outer(torch.arange(t, dtype=torch.float32), inv)
        table = torch.cat([angles, angles], dim=-1)
        cos, sin = table.cos(), table.sin()
        x = self.embed_tokens(ids)
        for layer in self.layers:
            x = layer(x, cos, sin)
        return F.linear(self.norm(x), self.embed_tokens.weight)


def main():
    vocab, c, inter, layers, heads, kv, batch, t, steps, threads = map(int, sys.argv[1:11])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = Model(vocab, c, inter, layers, heads, kv)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    ids = torch.randint(0, vocab, (batch, t + 1))

    def step():
        optimizer.zero_grad(set_to_none=True)
        logits = model(ids[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, vocab), ids[:, 1:].reshape(-1))
        loss.backward()
        optimizer.step()

    step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    elapsed = time.perf_counter() - start
    params = sum(p.numel() for p in model.parameters())
    print(json.dumps({"tokens_per_second": batch * t * steps / elapsed, "parameters": params, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
