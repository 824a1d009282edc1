using Kitt.Packing.Cli;

return args switch
{
    ["bench", .. var rest] => BenchCommand.Run(rest),
    ["pack", .. var rest] => PackCommand.Run(rest),
    ["classes", .. var rest] => ClassesCommand.Run(rest),
    ["fleet", .. var rest] => FleetCommand.Run(rest),
    ["stops", .. var rest] => StopsCommand.Run(rest),
    _ => Usage.Print(args.Length == 0 || args[0] is "-h" or "--help" or "help" ? 0 : 2),
};
