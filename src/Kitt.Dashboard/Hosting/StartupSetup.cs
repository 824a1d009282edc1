namespace Kitt.Dashboard.Hosting;

public static class StartupSetup
{
    private const string DeferredKey = "kitt:after-startup";

    public static IServiceCollection AddStartupStep<T>(this IServiceCollection services)
        where T : class, IStartupStep
    {
        services.AddSingleton<IStartupStep, T>();
        return services;
    }

    /// <summary>
    /// Call after every feature is added. The features' background services move behind the start-up work: the host
    /// starts Kestrel at once (so <c>/health/live</c> answers within a second even while an upgrade takes minutes),
    /// <see cref="StartupWork"/> runs the steps, then starts those services in the order they were added.
    /// Framework services (data protection, the circuit host) are left where they are.
    /// </summary>
    public static IServiceCollection AddStartupWork(this IServiceCollection services)
    {
        var ours = typeof(StartupSetup).Assembly;
        var deferred = services
            .Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService && DeclaredIn(d) == ours)
            .ToList();
        foreach (var descriptor in deferred)
        {
            services.Remove(descriptor);
            services.Add(Keyed(descriptor));
        }

        services.AddSingleton(sp => new StartupWork(
            sp.GetServices<IStartupStep>().ToList(),
            () => sp.GetKeyedServices<IHostedService>(DeferredKey).ToList(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<StartupWork>>()));
        services.AddHostedService(sp => sp.GetRequiredService<StartupWork>());
        return services;
    }

    private static System.Reflection.Assembly? DeclaredIn(ServiceDescriptor descriptor) =>
        descriptor.ImplementationType?.Assembly
        ?? descriptor.ImplementationInstance?.GetType().Assembly
        ?? descriptor.ImplementationFactory?.Method.DeclaringType?.Assembly;

    private static ServiceDescriptor Keyed(ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationType: { } type } => ServiceDescriptor.KeyedSingleton(typeof(IHostedService), DeferredKey, type),
        { ImplementationInstance: { } instance } => ServiceDescriptor.KeyedSingleton(typeof(IHostedService), DeferredKey, instance),
        { ImplementationFactory: { } factory } => ServiceDescriptor.KeyedSingleton<IHostedService>(DeferredKey, (sp, _) => (IHostedService)factory(sp)),
        _ => throw new InvalidOperationException("A hosted service registration without an implementation."),
    };
}
