// Lets two safety layers share one backend: the host owns the backend and disposes it once.
using Microsoft.Extensions.AI;

namespace Shifa.Web.Hosting;

/// <summary>A pass-through layer that leaves its inner client undisposed.</summary>
internal sealed class BorrowedChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    protected override void Dispose(bool disposing)
    {
    }
}
