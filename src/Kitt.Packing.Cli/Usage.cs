namespace Kitt.Packing.Cli;

internal static class Usage
{
    private const string Text = """
        kitt-packing: 3D container loading.

        kitt-packing bench FILE [--instances A-B] [--time-limit-ms N] [--support F] [--plans OUT.jsonl]
            Packs Bischoff & Ratcliff instances (OR-Library BRn.txt) with orientation flags honoured,
            checks every plan with the independent validator, prints one line per instance and a summary
            (mean utilisation, median and max ms). Exit code 1 when any plan is invalid.
            --instances     1-based range or single number (default: all)
            --time-limit-ms per instance (default 1000)
            --support       least supported base fraction (default 1.0)
            --plans         write {"instance","utilization","ms","placed":[[type,x,y,z,dx,dy,dz],...]} lines

        kitt-packing classes [--classes A-B] [--instances N] [--first-seed S] [--time-limit-ms N] [--support F]
            Draws N fresh instances of each Bischoff & Ratcliff class BR0..BR15 (1 to 100 box types) with
            their generator (Park-Miller, the paper's parameters) from seeds of our own, packs and validates
            them, and prints per class the mean and lowest utilisation, then BR1-7 and BR8-15 means.
            --classes       range of classes (default 0-15)
            --instances     per class (default 10)
            --first-seed    seed of instance 1; instance n uses first + 100 (n - 1) (default 31337001)

        kitt-packing fleet [--instances N] [--first-seed S] [--time-limit-ms N] [--large yes|no|only]
            Shipments of 2 to 5 containers' worth (95 % of their volume; 5 and 30 box types) packed into as many
            20 ft containers as needed: containers used against the volume lower bound. Then 5,000 boxes over up
            to five 40HC in 10 s: time, peak working set and memory allocated.
            --time-limit-ms per container's worth (default 1000)

        kitt-packing stops [--classes A-B] [--stops N] [--instances N] [--first-seed S] [--time-limit-ms N]
            Multi-drop against one drop: fresh instances of classes BR1-BR7 (default) with box type i going to
            stop 1 + i mod N (default 3), packed with the stops and with them ignored; prints per class both
            utilisations and their ratio, then the mean, median and lowest ratio over all instances.

        kitt-packing pack FILE.json [--time-limit-ms N] [--support F] [--seed N] [--repeat N]
            Packs a shipment shaped as POST /api/shipments (cm, kg):
            { reference, origin, destination, priority,
              container: { length, width, height, maxPayloadKg, count?, balance?, axles? }  (or containers: [ ... ]),
              items: [{ sku, length, width, height, weightKg, quantity, thisSideUp, fragile, floorOnly, maxLoadKg, stop }] }
            and prints the validated plan as JSON (--repeat packs N times and reports the last, warm run).
            Exit code 2 for a bad shipment (fields named on stderr),
            1 when the plan fails validation.
        """;

    public static int Print(int exitCode)
    {
        (exitCode == 0 ? Console.Out : Console.Error).WriteLine(Text);
        return exitCode;
    }
}
