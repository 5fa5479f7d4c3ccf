namespace DxCompare.Tests.Support;

public static class Ports
{
    /// <summary>A loopback port nothing listens on, for a server under test.</summary>
    public static int Free()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
