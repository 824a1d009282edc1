using System.Reflection;
using System.Runtime.CompilerServices;
using Kitt.Dashboard.Protocol;
using Kitt.Packing;
using NetArchTest.Rules;

namespace Kitt.Dashboard.Tests.Architecture;

/// <summary>
/// The rules of the house, read from the compiled code (every reference in signatures and method bodies):
/// the wire contract depends on no feature, a feature uses another only through its public types, and the packing
/// engine stays a library without ASP.NET. A forbidden <c>using</c> fails here with the types that broke the rule.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "Kitt.Dashboard";

    private static readonly Assembly Dashboard = typeof(KittEndpoint).Assembly;

    /// <summary>Each top-level folder of the dashboard: the features, the shell and the shared plumbing.</summary>
    private static readonly IReadOnlyList<string> Slices = [.. Dashboard.GetTypes()
        .Select(t => t.Namespace)
        .OfType<string>()
        .Where(n => n.StartsWith(Root + ".", StringComparison.Ordinal))
        .Select(n => n.Split('.')[2])
        .Distinct()
        .Order(StringComparer.Ordinal)];

    [Fact]
    public void The_slices_are_the_folders_the_readme_lists()
    {
        Assert.Equal(
            ["Alerts", "Components", "Containers", "Data", "Equipment", "Events", "Health", "HostMetrics", "Hosting", "Items", "Mcp", "Overview",
             "Protocol", "Realtime", "RouteNews", "Security", "Sessions", "Shipments", "Sockets", "Telemetry"],
            Slices);
    }

    [Fact]
    public void The_protocol_depends_on_nothing_else_in_the_dashboard()
    {
        var others = Slices.Where(s => s != "Protocol").Select(s => $"{Root}.{s}").ToArray();
        var result = Types.InAssembly(Dashboard).That().ResideInNamespace($"{Root}.Protocol")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();

        Assert.True(result.IsSuccessful, "Protocol depends on " + Failing(result));
    }

    [Fact]
    public void A_slice_uses_another_only_through_its_public_types()
    {
        var broken = new List<string>();
        foreach (var slice in Slices)
        {
            var internals = Dashboard.GetTypes()
                .Where(t => InSlice(t, Slices.Where(s => s != slice)) && !IsVisibleOutsideItsSlice(t))
                .Select(t => t.FullName!)
                .ToArray();
            if (internals.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(Dashboard).That().ResideInNamespace($"{Root}.{slice}")
                .ShouldNot().HaveDependencyOnAny(internals).GetResult();
            if (!result.IsSuccessful)
            {
                broken.Add($"{slice}: {Failing(result)}");
            }
        }

        Assert.True(broken.Count == 0, "internals used across slices: " + string.Join("; ", broken));
    }

    [Fact]
    public void The_packing_engine_is_a_library_without_aspnet_or_the_dashboard()
    {
        var result = Types.InAssembly(typeof(Packer).Assembly)
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", Root)
            .GetResult();

        Assert.True(result.IsSuccessful, "Kitt.Packing depends on " + Failing(result));
    }

    [Fact]
    public void The_rule_finds_internals_of_another_slice()
    {
        // The check itself must be able to fail: a slice's internal type is seen as such.
        var writer = Dashboard.GetType("Kitt.Dashboard.Alerts.AlertWriter")!;
        Assert.False(IsVisibleOutsideItsSlice(writer));
        Assert.True(InSlice(writer, ["Alerts"]));
        var result = Types.InAssembly(Dashboard).That().ResideInNamespace($"{Root}.Alerts")
            .ShouldNot().HaveDependencyOnAny(writer.FullName!).GetResult();
        Assert.False(result.IsSuccessful);
    }

    private static bool InSlice(Type type, IEnumerable<string> slices) =>
        slices.Any(s => type.Namespace is { } n && (n == $"{Root}.{s}" || n.StartsWith($"{Root}.{s}.", StringComparison.Ordinal)));

    /// <summary>Public (and public nested) types are a slice's surface; compiler-made helpers belong to their owner.</summary>
    private static bool IsVisibleOutsideItsSlice(Type type) =>
        type.IsVisible || type.IsDefined(typeof(CompilerGeneratedAttribute)) || type.Name.StartsWith('<');

    private static string Failing(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
