namespace Kitt.Dashboard.Tests.Sockets;

/// <summary>Waits for what the server does after a client has moved on (a close finishing, a session going away).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"not true within {seconds} s");
            }

            await Task.Delay(20);
        }
    }
}
