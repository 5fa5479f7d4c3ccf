using System.Diagnostics;
using System.Text;

namespace DxCompare.Tests.Support;

/// <summary>The dxcompare command line as a user runs it: a separate process, from the repository root.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly SemaphoreSlim _line = new(0);

    private CliProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is null) return; lock (_output) _output.AppendLine(e.Data); _line.Release(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_errors) _errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Errors { get { lock (_errors) return _errors.ToString(); } }

    public static CliProcess Start(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dxcompare.dll"));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>Runs a command to its end and returns its exit code.</summary>
    public static (int Code, string Output, string Errors) Run(params string[] arguments)
    {
        using var cli = Start(arguments);
        if (!cli.Process.WaitForExit(TimeSpan.FromSeconds(120))) throw new TimeoutException(string.Join(" ", arguments));
        cli.Process.WaitForExit();
        return (cli.Process.ExitCode, cli.Output, cli.Errors);
    }

    public async Task WaitForLineAsync(string start, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Split('\n').Any(line => line.StartsWith(start, StringComparison.Ordinal)))
        {
            if (Process.HasExited) throw new InvalidOperationException($"exited with {Process.ExitCode}: {Output}{Errors}");
            if (DateTime.UtcNow > deadline || !await _line.WaitAsync(deadline - DateTime.UtcNow)) throw new TimeoutException($"no line '{start}': {Output}{Errors}");
        }
    }

    /// <summary>Ctrl+C: SIGINT to the process.</summary>
    public void Interrupt() => Process.Start("kill", ["-INT", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
