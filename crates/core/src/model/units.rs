//! Units: memory in integer MiB, CPU in integer millicores, money in integer
//! minor units (fen for CNY, cents for USD), so that totals are exact.
