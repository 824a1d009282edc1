namespace Kitt.Packing.Tests;

/// <summary>Packs through the public API and insists on a valid plan.</summary>
internal static class Plans
{
    public static PackingResult PackValid(PackingRequest request, PackingOptions? options = null)
    {
        options ??= new PackingOptions { TimeLimit = TimeSpan.FromMilliseconds(200) };
        var plan = Packer.Pack(request, options);
        var violations = PlanValidator.Validate(request, plan, options.SupportFraction);
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
        return plan;
    }

    public static PackingRequest One(ContainerType container, params ItemSpec[] items) => new([container], items);
}
