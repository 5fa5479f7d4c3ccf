namespace DxCompare.Tests.Support;

/// <summary>
/// Tests that build a whole site, start a server or open a browser carry [Trait(Speed.Trait, Speed.Slow)];
/// everything else is the fast inner loop: dotnet test --filter "Speed!=Slow".
/// </summary>
public static class Speed
{
    public const string Trait = "Speed";
    public const string Slow = "Slow";
}
