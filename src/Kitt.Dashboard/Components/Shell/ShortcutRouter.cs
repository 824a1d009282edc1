namespace Kitt.Dashboard.Components.Shell;

/// <summary>
/// Hands the shortcuts the layout does not handle itself (j, k, Enter, n, p) to the page that registered for them,
/// one per circuit. Pages register in <c>OnInitialized</c> and dispose the registration with themselves.
/// </summary>
public sealed class ShortcutRouter
{
    private readonly List<Func<Shortcut, Task>> handlers = [];

    public IDisposable Register(Func<Shortcut, Task> handler)
    {
        lock (handlers)
        {
            handlers.Add(handler);
        }

        return new Registration(this, handler);
    }

    public async Task RaiseAsync(Shortcut shortcut)
    {
        Func<Shortcut, Task>[] current;
        lock (handlers)
        {
            current = [.. handlers];
        }

        foreach (var handler in current)
        {
            await handler(shortcut);
        }
    }

    private sealed class Registration(ShortcutRouter router, Func<Shortcut, Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (router.handlers)
            {
                router.handlers.Remove(handler);
            }
        }
    }
}
