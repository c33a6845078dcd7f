import StatementModel
do { let m = try SeedModel.load(); print(m.statements.count) } catch { print(error) }
