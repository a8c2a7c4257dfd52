"de ad be ef"
