using MarketSim.Simulator.Cli;

using var interruption = Interruption.FromSignals();
var cli = new MarketSimCli(Console.Out, Console.Error, interactive: !Console.IsErrorRedirected && !Console.IsOutputRedirected);
return cli.Invoke(args, interruption);
