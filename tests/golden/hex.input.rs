"de ad be ef 00 7f"
