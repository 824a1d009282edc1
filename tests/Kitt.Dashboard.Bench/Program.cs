using System.Globalization;
using Kitt.Dashboard.Bench;

// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- hub [subscribers] [publishes] [rounds] [pace-ms]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- cold-start PUBLISHED/Kitt.Dashboard.dll [rounds]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- poll [containers] [polls]   (needs dockerd, busybox-static)
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- blazor-bytes [containers] [seconds]   (also chromium)
return args switch
{
    ["hub", ..] => await HubBench.RunAsync(
        Arg(args, 1, 500),
        Arg(args, 2, 10_000),
        Arg(args, 3, 5),
        TimeSpan.FromMilliseconds(Arg(args, 4, 1))),
    ["cold-start", var dll, ..] => await ColdStartBench.RunAsync(Path.GetFullPath(dll), Arg(args, 2, 5)),
    ["poll", ..] => await PollBench.RunAsync(Arg(args, 1, 50), Arg(args, 2, 15)),
    ["blazor-bytes", ..] => await BlazorBytesBench.RunAsync(Arg(args, 1, 20), Arg(args, 2, 60)),
    _ => Usage(),
};

static int Arg(string[] args, int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: hub [subscribers=500] [publishes=10000] [rounds=5] [pace-ms=1] | cold-start APP.dll [rounds=5] | poll [containers=50] [polls=15] | blazor-bytes [containers=20] [seconds=60]");
    return 2;
}
