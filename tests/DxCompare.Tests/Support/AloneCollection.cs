namespace DxCompare.Tests.Support;

/// <summary>
/// Tests that load both cores for a long time (the build benchmark publishes the generator with ReadyToRun on a fresh
/// clone: a minute of compilation) run after the others and by themselves: beside them, tests that time a server's
/// shutdown or a keystroke fail for want of CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
