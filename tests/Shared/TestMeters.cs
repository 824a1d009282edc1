using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Testing;

/// <summary>A meter factory for parts a test builds by hand, as the host gives the app one.</summary>
public static class TestMeters
{
    public static IMeterFactory Factory { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
