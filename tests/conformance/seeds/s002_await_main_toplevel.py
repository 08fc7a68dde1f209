await main()
