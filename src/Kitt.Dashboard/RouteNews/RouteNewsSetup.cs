using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.RouteNews;

public static class RouteNewsSetup
{
    /// <summary>Route, weather and traffic news, live on <c>routes</c>, and the latest conditions per route.</summary>
    public static IServiceCollection AddRouteNews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTopic(RouteEvent.Topic);
        services.AddSingleton<RouteConditionBoard>();
        services.AddHostedService(sp => sp.GetRequiredService<RouteConditionBoard>());
        services.AddSingleton<RouteNewsPublisher>();
        return services;
    }
}
