"""Python peer for Shifa.Bench.Training: the same LLaMA-style model and training step in PyTorch.

Usage: python3 peer_train.py VOCAB HIDDEN INTERMEDIATE LAYERS HEADS KV_HEADS BATCH TIME STEPS THREADS [fp32|bf16]
Prints one line: `tokens_per_second=<float> cpu_tokens_per_second=<float> params=<int> first_loss=<float> last_loss=<float> torch=<version>`.
Runs on Debian's python3-torch (1.13, no scaled_dot_product_attention: attention is written out).
bf16 runs the forward pass under torch.autocast("cpu", dtype=torch.bfloat16) with fp32 weights and AdamW,
the recipe Shifa's bf16 mode follows.
"""
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))


def rope(x, cos, sin):
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return x * cos + torch.cat((-x2, x1), dim=-1) * sin


class Block(nn.Module):
    def __init__(self, c, inter, heads, kv):
        super().__init__()
        self.heads, self.kv, self.hd = heads, kv, c // heads
        self.q_proj = nn.Linear(c, c, bias=False)
        self.k_proj = nn.Linear(c, kv * self.hd, bias=False)
        self.v_proj = nn.Linear(c, kv * self.hd, bias=False)
        self.o_proj = nn.Linear(c, c, bias=False)
        self.gate_proj = nn.Linear(c, inter, bias=False)
        self.up_proj = nn.Linear(c, inter, bias=False)
        self.down_proj = nn.Linear(inter, c, bias=False)
        self.n1, self.n2 = RMSNorm(c), RMSNorm(c)

    def forward(self, x, cos, sin, mask):
        b, t, c = x.shape
        h = self.n1(x)
        q = self.q_proj(h).view(b, t, self.heads, self.hd).transpose(1, 2)
        k = self.k_proj(h).view(b, t, self.kv, self.hd).transpose(1, 2)
        v = self.v_proj(h).view(b, t, self.kv, self.hd).transpose(1, 2)
        q, k = rope(q, cos, sin), rope(k, cos, sin)
        k = k.repeat_interleave(self.heads // self.kv, dim=1)
        v = v.repeat_interleave(self.heads // self.kv, dim=1)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(self.hd)
        att = att.masked_fill(mask, float("-inf")).softmax(-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, c)
        x = x + self.o_proj(y)
        h = self.n2(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))


class Llama(nn.Module):
    def __init__(self, vocab, c, inter, layers, heads, kv, max_t):
        super().__init__()
        self.embed = nn.Embedding(vocab, c)
        self.blocks = nn.ModuleList(Block(c, inter, heads, kv) for _ in range(layers))
        self.norm = RMSNorm(c)
        hd = c // heads
        inv = 1.0 / (10000 ** (torch.arange(0, hd, 2).float() / hd))
        freqs = torch.outer(torch.arange(max_t).float(), inv)
        emb = torch.cat((freqs, freqs), dim=-1)
        self.register_buffer("cos", emb.cos(), persistent=False)
        self.register_buffer("sin", emb.sin(), persistent=False)
        for p in self.parameters():
            if p.dim() >= 2:
                nn.init.normal_(p, std=0.02)

    def forward(self, ids):
        t = ids.shape[1]
        mask = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
        x = self.embed(ids)
        for blk in self.blocks:
            x = blk(x, self.cos[:t], self.sin[:t], mask)
        return F.linear(self.norm(x), self.embed.weight)


def main():
    vocab, c, inter, layers, heads, kv, batch, t, steps, threads = map(int, sys.argv[1:11])
    precision = sys.argv[11] if len(sys.argv) > 11 else "fp32"
    if precision not in ("fp32", "bf16"):
        sys.exit(f"precision must be fp32 or bf16, not {precision}")
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = Llama(vocab, c, inter, layers, heads, kv, t)
    params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.95), weight_decay=0.0)
    ids = torch.randint(0, vocab, (batch, t + 1))
    x, y = ids[:, :-1], ids[:, 1:]

    def step():
        opt.zero_grad(set_to_none=True)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
            logits = model(x)
        loss = F.cross_entropy(logits.float().reshape(-1, vocab), y.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss.item()

    first = step()  # warm-up
    start, cpu_start = time.perf_counter(), time.process_time()
    last = first
    for _ in range(steps):
        last = step()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    # Per CPU-second of all threads, times the thread count: the rate with the cores to itself, robust to shared machines.
    print(f"tokens_per_second={batch * t * steps / elapsed:.1f} cpu_tokens_per_second={batch * t * steps * threads / cpu:.1f} params={params} first_loss={first:.4f} last_loss={last:.4f} torch={torch.__version__}")


if __name__ == "__main__":
    main()
