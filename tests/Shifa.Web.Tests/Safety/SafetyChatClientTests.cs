using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Shifa.Web.Retrieval;
using Shifa.Web.Safety;

namespace Shifa.Web.Tests.Safety;

public sealed class SafetyChatClientTests
{
    private const string DoseAnswer = "الأموكسيسيلين مضاد حيوي شائع. تناول 500 ملغ ثلاث مرات يوميًا لمدة أسبوع. واشرب الكثير من السوائل.";

    private static SafetyChatClient Client(CapturingLogger log) =>
        new(new RetrievalChatClient([new VettedAnswer("r1", "هل الأموكسيسيلين مناسب لالتهاب اللوز؟", DoseAnswer, null)]), logger: log);

    [Fact]
    public async Task Streamed_and_whole_answers_lose_the_dose_and_keep_the_rest()
    {
        var log = new CapturingLogger();
        var client = Client(log);
        var whole = (await client.GetResponseAsync([new ChatMessage(ChatRole.User, "هل الأموكسيسيلين مناسب لالتهاب اللوز؟")])).Text;
        var sb = new StringBuilder();
        var updates = 0;
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "هل الأموكسيسيلين مناسب لالتهاب اللوز؟")]))
        {
            sb.Append(u.Text);
            updates++;
        }

        foreach (var text in new[] { whole, sb.ToString() })
        {
            Assert.DoesNotContain("500", text, StringComparison.Ordinal);
            Assert.Contains(SafetyMessages.DoseReplacement, text, StringComparison.Ordinal);
            Assert.Contains("مضاد حيوي شائع", text, StringComparison.Ordinal);
            Assert.Contains("واشرب الكثير من السوائل", text, StringComparison.Ordinal);
            Assert.EndsWith(SafetyMessages.Disclaimer, text, StringComparison.Ordinal);
        }

        Assert.Equal(whole, sb.ToString());
        Assert.True(updates > 2, "filtered stream should still arrive in several parts");
    }

    [Fact]
    public async Task Red_flag_never_reaches_the_backend_and_logs_carry_no_message_text()
    {
        var log = new CapturingLogger();
        var client = Client(log);
        const string message = "اسمي سارة ورقمي 0551234567، أمي عندها ألم في الصدر مع تعرق بارد الآن";
        var r = await client.GetResponseAsync([new ChatMessage(ChatRole.User, message)]);
        Assert.StartsWith(SafetyMessages.UrgentHeading, r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("r1", r.Text, StringComparison.Ordinal);
        Assert.NotEmpty(log.Lines);
        Assert.Contains(log.Lines, l => l.Contains("Cardiac", StringComparison.Ordinal));
        Assert.All(log.Lines, l =>
        {
            Assert.DoesNotContain("سارة", l, StringComparison.Ordinal);
            Assert.DoesNotContain("0551234567", l, StringComparison.Ordinal);
            Assert.DoesNotContain("الصدر", l, StringComparison.Ordinal);
        });
    }

    private sealed class CapturingLogger : ILogger<SafetyChatClient>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception) + " " + state);
    }
}
