using System.Runtime.CompilerServices;

// The CLI tests register the internal command classes in an in-process CommandApp.
[assembly: InternalsVisibleTo("Shifa.Cli.Tests")]
