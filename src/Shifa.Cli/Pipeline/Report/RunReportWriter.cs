// Writes a run report as Markdown and as one self-contained HTML page (images copied beside it).
using System.Net;
using System.Text;
using Markdig;

namespace Shifa.Cli.Pipeline.Report;

/// <summary>Renders <see cref="ReportSection"/>s into <c>report.md</c> and <c>index.html</c>.</summary>
public static class RunReportWriter
{
    // Raw HTML is disabled: records are user text and may contain markup or script.
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();

    /// <summary>Writes the report into <paramref name="directory"/> and returns the path of index.html.</summary>
    public static string Write(string directory, string title, IReadOnlyList<ReportSection> sections)
    {
        Directory.CreateDirectory(directory);
        var md = new StringBuilder($"# {title}\n\n");
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>
            body { font-family: "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif; max-width: 1100px; margin: 2rem auto; padding: 0 1rem; line-height: 1.55; color: #1d2733; }
            h1 { border-bottom: 3px solid #1f7a6d; padding-bottom: .3rem; }
            h2 { color: #1f7a6d; margin-top: 2.5rem; }
            nav ul { columns: 2; }
            table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; }
            th, td { border: 1px solid #c9d3dc; padding: .3rem .6rem; unicode-bidi: plaintext; text-align: start; }
            th { background: #eef4f3; }
            td:has(strong) { background: #f4fbf2; }
            p, li, td { unicode-bidi: plaintext; }
            img { max-width: 100%; border: 1px solid #dde3ea; margin: .5rem 0; }
            code { background: #f3f5f7; padding: 0 .2rem; }
            </style>
            </head>
            <body>
            <h1>{{WebUtility.HtmlEncode(title)}}</h1>
            <nav><ul>
            """);
        foreach (var s in sections)
        {
            html.Append($"<li><a href=\"#{WebUtility.HtmlEncode(s.Id)}\">{WebUtility.HtmlEncode(s.Title)}</a></li>\n");
        }

        html.Append("</ul></nav>\n");
        foreach (var s in sections)
        {
            md.Append($"## {s.Title}\n\n{s.Markdown.TrimEnd()}\n\n");
            html.Append($"<section id=\"{WebUtility.HtmlEncode(s.Id)}\">\n<h2>{WebUtility.HtmlEncode(s.Title)}</h2>\n");
            html.Append(Markdig.Markdown.ToHtml(s.Markdown, Markdown));
            foreach (var image in s.Images ?? [])
            {
                if (!File.Exists(image))
                {
                    continue;
                }

                var name = $"{s.Id}-{Path.GetFileName(image)}";
                File.Copy(image, Path.Combine(directory, name), overwrite: true);
                md.Append($"![{Path.GetFileNameWithoutExtension(image)}]({name})\n\n");
                html.Append($"<img src=\"{WebUtility.HtmlEncode(name)}\" alt=\"{WebUtility.HtmlEncode(Path.GetFileNameWithoutExtension(image))}\">\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        File.WriteAllText(Path.Combine(directory, "report.md"), md.ToString());
        var index = Path.Combine(directory, "index.html");
        File.WriteAllText(index, html.ToString());
        return index;
    }
}
