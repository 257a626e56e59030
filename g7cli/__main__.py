from g7cli.entry import main

main()
