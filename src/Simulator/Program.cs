using MarketSim.Simulator.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var cli = new MarketSimCli(Console.Out, Console.Error, interactive: !Console.IsErrorRedirected && !Console.IsOutputRedirected);
return cli.Invoke(args, cancellation.Token);
