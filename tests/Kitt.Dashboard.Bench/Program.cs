using System.Globalization;
using Kitt.Dashboard.Bench;
using Kitt.Dashboard.Data.Postgres;
using Kitt.Dashboard.Data.Sqlite;

// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- hub [subscribers] [publishes] [rounds] [pace-ms]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- cold-start PUBLISHED/Kitt.Dashboard.dll [rounds]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- poll [containers] [polls]   (needs dockerd, busybox-static)
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- blazor-bytes [containers] [seconds]   (also chromium)
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- alerts [alerts] [rounds] [kept.db]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- alerts-postgres [alerts] [rounds] [connection-string]   (postgresql-15; a private cluster unless given one)
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- plan-latency PUBLISHED/Kitt.Dashboard.dll [boxes] [rounds]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- risk [boxes] [rounds]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- steps [instances-per-class] [packing-ms]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- report [boxes] [skus] [rounds]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- kafka [events] [latency-samples]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- viewer-frames PUBLISHED/Kitt.Dashboard.dll [boxes] [frames] [rounds]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- ws [connections] [broadcasts] [rounds] [items] [requests]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- metrics PUBLISHED/Kitt.Dashboard.dll [containers] [clients] [scrapes]   (needs dockerd, busybox-static)
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- soak [updates] [subscribers]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- readiness PUBLISHED/Kitt.Dashboard.dll [alerts]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- container-events PUBLISHED/Kitt.Dashboard.dll [rounds]   (dockerd, busybox-static, chromium)
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- scale-out PUBLISHED/Kitt.Dashboard.dll [shipments]   (postgresql-15)
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- log-follow PUBLISHED/Kitt.Dashboard.dll [lines-per-second] [seconds]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- silences [silences] [lookups] [rounds]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- notify-latency [alerts]
// dotnet run -c Release --project tests/Kitt.Dashboard.Bench -- rule-eval [rules] [containers] [polls]
return args switch
{
    ["silences", ..] => NotifyBench.Silences(Arg(args, 1, 1000), Arg(args, 2, 200_000), Arg(args, 3, 5)),
    ["notify-latency", ..] => await NotifyBench.LatencyAsync(Arg(args, 1, 200)),
    ["rule-eval", ..] => RuleEvalBench.Run(Arg(args, 1, 500), Arg(args, 2, 200), Arg(args, 3, 200)),
    ["hub", ..] => await HubBench.RunAsync(
        Arg(args, 1, 500),
        Arg(args, 2, 10_000),
        Arg(args, 3, 5),
        TimeSpan.FromMilliseconds(Arg(args, 4, 1))),
    ["cold-start", var dll, ..] => await ColdStartBench.RunAsync(Path.GetFullPath(dll), Arg(args, 2, 5)),
    ["poll", ..] => await PollBench.RunAsync(Arg(args, 1, 50), Arg(args, 2, 15)),
    ["alerts", ..] => await AlertsBench.RunAsync(Arg(args, 1, 1_000_000), Arg(args, 2, 20), args.Length > 3 ? Path.GetFullPath(args[3]) : null, new SqliteStore()),
    ["alerts-postgres", ..] => await AlertsBench.RunAsync(Arg(args, 1, 1_000_000), Arg(args, 2, 20), args.Length > 3 ? args[3] : null, new PostgresStore()),
    ["blazor-bytes", ..] => await BlazorBytesBench.RunAsync(Arg(args, 1, 20), Arg(args, 2, 60)),
    ["plan-latency", var dll, ..] => await ShipmentBench.PlanLatencyAsync(dll, Arg(args, 2, 50), Arg(args, 3, 5)),
    ["kafka", ..] => await KafkaBench.RunAsync(Arg(args, 1, 100_000), Arg(args, 2, 200)),
    ["steps", ..] => StepsBench.Run(Arg(args, 1, 10), Arg(args, 2, 1000)),
    ["report", ..] => ReportBench.Run(Arg(args, 1, 1000), Arg(args, 2, 100), Arg(args, 3, 5)),
    ["risk", ..] => RiskBench.Run(Arg(args, 1, 1000), Arg(args, 2, 20)),
    ["viewer-frames", var dll, ..] => await ShipmentBench.ViewerFramesAsync(dll, Arg(args, 2, 1000), Arg(args, 3, 300), Arg(args, 4, 3)),
    ["ws", ..] => await WsBench.RunAsync(Arg(args, 1, 1000), Arg(args, 2, 200), Arg(args, 3, 3), Arg(args, 4, 50), Arg(args, 5, 20)),
    ["metrics", var dll, ..] => await MetricsBench.RunAsync(Path.GetFullPath(dll), Arg(args, 2, 200), Arg(args, 3, 1000), Arg(args, 4, 30)),
    ["soak", ..] => await SoakBench.RunAsync(Arg(args, 1, 1_000_000), Arg(args, 2, 50)),
    ["readiness", var dll, ..] => await ReadinessBench.RunAsync(Path.GetFullPath(dll), Arg(args, 2, 1_000_000)),
    ["container-events", var dll, ..] => await ContainerEventsBench.RunAsync(Path.GetFullPath(dll), Arg(args, 2, 20)),
    ["scale-out", var dll, ..] => await ScaleOutBench.RunAsync(Path.GetFullPath(dll), Arg(args, 2, 1000)),
    ["log-follow", var dll, ..] => await LogFollowBench.RunAsync(Path.GetFullPath(dll), Arg(args, 2, 10_000), Arg(args, 3, 60)),
    _ => Usage(),
};

static int Arg(string[] args, int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: silences [silences=1000] [lookups=200000] [rounds=5] | notify-latency [alerts=200] | rule-eval [rules=500] [containers=200] [polls=200] | hub [subscribers=500] [publishes=10000] [rounds=5] [pace-ms=1] | cold-start APP.dll [rounds=5]" +
                            " | poll [containers=50] [polls=15] | blazor-bytes [containers=20] [seconds=60] | alerts [alerts=1000000] [rounds=20] [kept.db] | alerts-postgres [alerts=1000000] [rounds=20] [connection-string]" +
                            " | kafka [events=100000] [latency-samples=200] | risk [boxes=1000] [rounds=20] | steps [instances-per-class=10] [packing-ms=1000] | plan-latency APP.dll [boxes=50] [rounds=5] | viewer-frames APP.dll [boxes=1000] [frames=300] [rounds=3]" +
                            " | ws [connections=1000] [broadcasts=200] [rounds=3] [items=50] [requests=20]" +
                            " | metrics APP.dll [containers=200] [clients=1000] [scrapes=30] | soak [updates=1000000] [subscribers=50] | readiness APP.dll [alerts=1000000]" +
                            " | container-events APP.dll [rounds=20] | log-follow APP.dll [lines-per-second=10000] [seconds=60] | scale-out APP.dll [shipments=1000]");
    return 2;
}
