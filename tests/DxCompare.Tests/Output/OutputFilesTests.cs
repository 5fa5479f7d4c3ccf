using DxCompare.Output;

namespace DxCompare.Tests.Output;

public sealed class OutputFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dxcompare-output-").FullName;

    [Fact]
    public void A_new_file_holds_exactly_the_bytes_written()
    {
        var path = Path.Combine(_folder, "page.html");
        OutputFiles.Write(path, "<p>台東区</p>"u8);
        Assert.Equal("<p>台東区</p>", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_written_again_is_replaced_whole_even_by_fewer_bytes()
    {
        var path = Path.Combine(_folder, "page.html");
        OutputFiles.Write(path, "a long first version of the page"u8);
        OutputFiles.Write(path, "short"u8);
        Assert.Equal("short", File.ReadAllText(path));

        using (var stream = OutputFiles.Create(path)) stream.Write("x"u8);
        Assert.Equal("x", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_in_a_missing_folder_is_an_error_not_a_silent_success()
    {
        var path = Path.Combine(_folder, "missing", "page.html");
        Assert.Throws<DirectoryNotFoundException>(() => OutputFiles.Write(path, "x"u8));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
