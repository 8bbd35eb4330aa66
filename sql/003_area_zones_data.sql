-- Built-in area → state → zone rows (source = 'builtin'). See docs/zones.md for the zone convention.
-- Covers state capitals, cities and large towns of every state and union territory (with common
-- alternate spellings and old names as their own keys), and well-known localities of the big metros,
-- because some exports carry a locality ('Koramangala') instead of a city.
-- `on conflict do nothing`: a user's mapping always wins over a built-in one.
-- Names shared by two places (Aurangabad, Bilaspur, Udaipur…) map to the larger one; users can override.
-- A state missing from `zones` leaves zone NULL and fails the migration instead of dropping rows silently.
with zones (state, zone) as (
  values
    ('Delhi', 'North'), ('Haryana', 'North'), ('Punjab', 'North'), ('Himachal Pradesh', 'North'),
    ('Jammu and Kashmir', 'North'), ('Ladakh', 'North'), ('Uttarakhand', 'North'),
    ('Uttar Pradesh', 'North'), ('Chandigarh', 'North'), ('Rajasthan', 'North'),
    ('Karnataka', 'South'), ('Kerala', 'South'), ('Tamil Nadu', 'South'), ('Andhra Pradesh', 'South'),
    ('Telangana', 'South'), ('Puducherry', 'South'), ('Lakshadweep', 'South'),
    ('Andaman and Nicobar Islands', 'South'),
    ('West Bengal', 'East'), ('Odisha', 'East'), ('Bihar', 'East'), ('Jharkhand', 'East'),
    ('Maharashtra', 'West'), ('Gujarat', 'West'), ('Goa', 'West'),
    ('Dadra and Nagar Haveli and Daman and Diu', 'West'),
    ('Madhya Pradesh', 'Central'), ('Chhattisgarh', 'Central'),
    ('Assam', 'North-East'), ('Arunachal Pradesh', 'North-East'), ('Manipur', 'North-East'),
    ('Meghalaya', 'North-East'), ('Mizoram', 'North-East'), ('Nagaland', 'North-East'),
    ('Sikkim', 'North-East'), ('Tripura', 'North-East')
),
places (state, areas) as (
  values
    -- ── Cities and towns ──────────────────────────────────────────────────────────────────
    ('Andhra Pradesh', array[
      'Amaravati', 'Visakhapatnam', 'Vizag', 'Vijayawada', 'Guntur', 'Nellore', 'Kurnool', 'Kakinada',
      'Rajahmundry', 'Rajamahendravaram', 'Tirupati', 'Kadapa', 'Cuddapah', 'Anantapur', 'Anantapuramu',
      'Vizianagaram', 'Eluru', 'Ongole', 'Nandyal', 'Machilipatnam', 'Adoni', 'Tenali', 'Chittoor',
      'Hindupur', 'Proddatur', 'Bhimavaram', 'Madanapalle', 'Guntakal', 'Dharmavaram', 'Gudivada',
      'Srikakulam', 'Narasaraopet', 'Tadipatri', 'Tadepalligudem', 'Kavali', 'Chilakaluripet',
      'Amalapuram', 'Srikalahasti', 'Tanuku', 'Bapatla', 'Markapur', 'Palakollu']),
    ('Arunachal Pradesh', array['Itanagar', 'Naharlagun', 'Pasighat', 'Tawang', 'Ziro', 'Bomdila', 'Tezu', 'Aalo']),
    ('Assam', array[
      'Guwahati', 'Gauhati', 'Dispur', 'Silchar', 'Dibrugarh', 'Jorhat', 'Nagaon', 'Tinsukia', 'Tezpur',
      'Bongaigaon', 'Dhubri', 'Diphu', 'North Lakhimpur', 'Karimganj', 'Sivasagar', 'Goalpara', 'Barpeta',
      'Golaghat', 'Hailakandi']),
    ('Bihar', array[
      'Patna', 'Gaya', 'Bodh Gaya', 'Bhagalpur', 'Muzaffarpur', 'Darbhanga', 'Purnia', 'Bihar Sharif',
      'Arrah', 'Begusarai', 'Katihar', 'Munger', 'Chhapra', 'Chapra', 'Danapur', 'Saharsa', 'Sasaram',
      'Hajipur', 'Dehri', 'Siwan', 'Bettiah', 'Motihari', 'Bagaha', 'Kishanganj', 'Jamalpur', 'Buxar',
      'Jehanabad', 'Nawada', 'Sitamarhi', 'Madhubani', 'Samastipur', 'Supaul', 'Rajgir', 'Forbesganj',
      'Lakhisarai']),
    ('Chhattisgarh', array[
      'Raipur', 'Naya Raipur', 'Nava Raipur', 'Bhilai', 'Durg', 'Bilaspur', 'Korba', 'Rajnandgaon',
      'Raigarh', 'Jagdalpur', 'Ambikapur', 'Dhamtari', 'Chirmiri', 'Mahasamund', 'Kanker']),
    ('Goa', array['Panaji', 'Panjim', 'Margao', 'Madgaon', 'Vasco da Gama', 'Mapusa', 'Ponda']),
    ('Gujarat', array[
      'Ahmedabad', 'Amdavad', 'Surat', 'Vadodara', 'Baroda', 'Rajkot', 'Bhavnagar', 'Jamnagar', 'Junagadh',
      'Gandhinagar', 'Gandhidham', 'Anand', 'Nadiad', 'Morbi', 'Mehsana', 'Mahesana', 'Surendranagar',
      'Surendranagar Dudhrej', 'Bharuch', 'Vapi', 'Navsari', 'Veraval', 'Porbandar', 'Godhra', 'Bhuj',
      'Palanpur', 'Valsad', 'Patan', 'Botad', 'Amreli', 'Deesa', 'Jetpur', 'Gondal', 'Ankleshwar', 'Dahod',
      'Himmatnagar']),
    ('Haryana', array[
      'Gurugram', 'Gurgaon', 'Faridabad', 'Panipat', 'Ambala', 'Yamunanagar', 'Yamuna Nagar', 'Rohtak',
      'Hisar', 'Hissar', 'Karnal', 'Sonipat', 'Sonepat', 'Panchkula', 'Bhiwani', 'Sirsa', 'Bahadurgarh',
      'Jind', 'Thanesar', 'Kurukshetra', 'Kaithal', 'Rewari', 'Palwal', 'Manesar', 'Hansi', 'Fatehabad',
      'Narnaul', 'Sohna']),
    ('Himachal Pradesh', array[
      'Shimla', 'Dharamshala', 'Dharamsala', 'Mandi', 'Solan', 'Kullu', 'Manali', 'Hamirpur', 'Una',
      'Chamba', 'Palampur', 'Nahan', 'Kangra', 'Baddi', 'Dalhousie']),
    ('Jammu and Kashmir', array[
      'Srinagar', 'Jammu', 'Anantnag', 'Baramulla', 'Sopore', 'Kathua', 'Udhampur', 'Katra', 'Pulwama']),
    ('Ladakh', array['Leh', 'Kargil']),
    ('Jharkhand', array[
      'Ranchi', 'Jamshedpur', 'Mango', 'Adityapur', 'Dhanbad', 'Bokaro', 'Bokaro Steel City', 'Deoghar',
      'Phusro', 'Hazaribagh', 'Hazaribag', 'Giridih', 'Ramgarh', 'Medininagar', 'Daltonganj', 'Chirkunda',
      'Chaibasa', 'Dumka', 'Sahibganj']),
    ('Karnataka', array[
      'Bengaluru', 'Bangalore', 'Mysuru', 'Mysore', 'Mangaluru', 'Mangalore', 'Hubballi', 'Hubli',
      'Dharwad', 'Hubli-Dharwad', 'Hubballi-Dharwad', 'Belagavi', 'Belgaum', 'Kalaburagi', 'Gulbarga',
      'Davanagere', 'Davangere', 'Ballari', 'Bellary', 'Vijayapura', 'Bijapur', 'Shivamogga', 'Shimoga',
      'Tumakuru', 'Tumkur', 'Raichur', 'Bidar', 'Hosapete', 'Hospet', 'Udupi', 'Manipal', 'Gadag',
      'Gadag-Betageri', 'Hassan', 'Chitradurga', 'Kolar', 'Mandya', 'Chikkamagaluru', 'Chikmagalur',
      'Bagalkot', 'Gangavati', 'Bhadravati', 'Ranebennur', 'Robertsonpet', 'Karwar', 'Sirsi', 'Madikeri']),
    ('Kerala', array[
      'Thiruvananthapuram', 'Trivandrum', 'Kochi', 'Cochin', 'Ernakulam', 'Kozhikode', 'Calicut',
      'Thrissur', 'Trichur', 'Kollam', 'Quilon', 'Alappuzha', 'Alleppey', 'Kottayam', 'Palakkad',
      'Palghat', 'Kannur', 'Cannanore', 'Malappuram', 'Kasaragod', 'Pathanamthitta', 'Munnar', 'Kalpetta',
      'Thalassery', 'Tellicherry', 'Ponnani', 'Vatakara', 'Kanhangad', 'Payyanur', 'Manjeri', 'Tirur',
      'Aluva', 'Guruvayur', 'Kayamkulam', 'Neyyattinkara']),
    ('Madhya Pradesh', array[
      'Bhopal', 'Indore', 'Jabalpur', 'Gwalior', 'Ujjain', 'Sagar', 'Dewas', 'Satna', 'Ratlam', 'Rewa',
      'Murwara', 'Katni', 'Singrauli', 'Burhanpur', 'Khandwa', 'Bhind', 'Chhindwara', 'Guna', 'Shivpuri',
      'Vidisha', 'Chhatarpur', 'Damoh', 'Mandsaur', 'Khargone', 'Neemuch', 'Pithampur', 'Hoshangabad',
      'Narmadapuram', 'Itarsi', 'Sehore', 'Betul', 'Seoni', 'Datia', 'Nagda', 'Morena', 'Mhow', 'Dhar']),
    ('Maharashtra', array[
      'Mumbai', 'Bombay', 'Navi Mumbai', 'Thane', 'Pune', 'Poona', 'Nagpur', 'Nashik', 'Nasik',
      'Pimpri-Chinchwad', 'Pimpri Chinchwad', 'Pimpri', 'Chinchwad', 'Aurangabad',
      'Chhatrapati Sambhajinagar', 'Solapur', 'Sholapur', 'Kalyan-Dombivli', 'Kalyan-Dombivali', 'Kalyan',
      'Dombivli', 'Vasai-Virar', 'Vasai', 'Virar', 'Bhiwandi', 'Amravati', 'Kolhapur', 'Sangli',
      'Sangli-Miraj & Kupwad', 'Sangli-Miraj-Kupwad', 'Miraj', 'Malegaon', 'Jalgaon', 'Akola', 'Latur',
      'Dhule', 'Ahmednagar', 'Ahilyanagar', 'Chandrapur', 'Parbhani', 'Ichalkaranji', 'Jalna', 'Ambernath',
      'Ambarnath', 'Bhusawal', 'Panvel', 'Ulhasnagar', 'Mira-Bhayandar', 'Mira Bhayandar', 'Mira Road',
      'Bhayandar', 'Nanded', 'Satara', 'Gondia', 'Wardha', 'Yavatmal', 'Barshi', 'Achalpur', 'Osmanabad',
      'Dharashiv', 'Nandurbar', 'Beed', 'Ratnagiri', 'Lonavala', 'Baramati', 'Karad', 'Shirdi', 'Badlapur',
      'Palghar', 'Alibag']),
    ('Manipur', array['Imphal', 'Thoubal', 'Churachandpur', 'Ukhrul']),
    ('Meghalaya', array['Shillong', 'Tura', 'Jowai', 'Nongpoh']),
    ('Mizoram', array['Aizawl', 'Lunglei', 'Champhai']),
    ('Nagaland', array['Kohima', 'Dimapur', 'Mokokchung', 'Tuensang', 'Wokha']),
    ('Odisha', array[
      'Bhubaneswar', 'Bhubaneshwar', 'Cuttack', 'Rourkela', 'Berhampur', 'Brahmapur', 'Sambalpur', 'Puri',
      'Balasore', 'Baleshwar', 'Bhadrak', 'Baripada', 'Jharsuguda', 'Bargarh', 'Jeypore', 'Angul',
      'Paradip', 'Rayagada', 'Balangir', 'Bolangir', 'Koraput', 'Dhenkanal', 'Jajpur', 'Keonjhar',
      'Kendrapara', 'Gopalpur']),
    ('Punjab', array[
      'Ludhiana', 'Amritsar', 'Jalandhar', 'Patiala', 'Bathinda', 'Bhatinda', 'Mohali', 'SAS Nagar',
      'Hoshiarpur', 'Pathankot', 'Moga', 'Batala', 'Abohar', 'Malerkotla', 'Khanna', 'Phagwara',
      'Muktsar', 'Barnala', 'Rajpura', 'Firozpur', 'Ferozepur', 'Kapurthala', 'Zirakpur', 'Sangrur',
      'Fazilka', 'Gurdaspur', 'Kharar', 'Faridkot']),
    ('Rajasthan', array[
      'Jaipur', 'Jodhpur', 'Kota', 'Bikaner', 'Ajmer', 'Udaipur', 'Bhilwara', 'Alwar', 'Bharatpur',
      'Sikar', 'Pali', 'Sri Ganganagar', 'Ganganagar', 'Tonk', 'Kishangarh', 'Beawar', 'Hanumangarh',
      'Dholpur', 'Gangapur City', 'Sawai Madhopur', 'Churu', 'Jhunjhunu', 'Baran', 'Chittorgarh',
      'Bhiwadi', 'Nagaur', 'Jaisalmer', 'Banswara', 'Barmer', 'Mount Abu', 'Pushkar', 'Bundi', 'Makrana']),
    ('Sikkim', array['Gangtok', 'Namchi', 'Mangan', 'Gyalshing', 'Rangpo']),
    ('Tamil Nadu', array[
      'Chennai', 'Madras', 'Coimbatore', 'Kovai', 'Madurai', 'Tiruchirappalli', 'Trichy', 'Tiruchi',
      'Salem', 'Tiruppur', 'Tirupur', 'Erode', 'Vellore', 'Tirunelveli', 'Thoothukudi', 'Tuticorin',
      'Dindigul', 'Thanjavur', 'Tanjore', 'Ranipet', 'Sivakasi', 'Karur', 'Udhagamandalam', 'Ooty',
      'Hosur', 'Nagercoil', 'Kanchipuram', 'Kancheepuram', 'Kumbakonam', 'Karaikudi', 'Neyveli',
      'Cuddalore', 'Tiruvannamalai', 'Pollachi', 'Rajapalayam', 'Gudiyatham', 'Pudukkottai',
      'Vaniyambadi', 'Ambur', 'Nagapattinam', 'Avadi', 'Ambattur', 'Tiruvottiyur', 'Tambaram',
      'Pallavaram', 'Kodaikanal', 'Rameswaram', 'Namakkal', 'Krishnagiri', 'Dharmapuri', 'Villupuram',
      'Viluppuram', 'Chengalpattu', 'Tiruvallur', 'Sriperumbudur', 'Mettupalayam', 'Virudhunagar', 'Theni',
      'Kanyakumari', 'Mahabalipuram']),
    ('Telangana', array[
      'Hyderabad', 'Secunderabad', 'Warangal', 'Hanamkonda', 'Nizamabad', 'Karimnagar', 'Khammam',
      'Ramagundam', 'Mahbubnagar', 'Mahabubnagar', 'Nalgonda', 'Adilabad', 'Suryapet', 'Miryalaguda',
      'Siddipet', 'Mancherial', 'Kothagudem', 'Jagtial', 'Bodhan', 'Sangareddy', 'Kamareddy', 'Medak',
      'Wanaparthy', 'Vikarabad', 'Nirmal']),
    ('Tripura', array['Agartala', 'Dharmanagar', 'Kailashahar', 'Belonia', 'Ambassa']),
    ('Uttar Pradesh', array[
      'Lucknow', 'Kanpur', 'Ghaziabad', 'Agra', 'Meerut', 'Varanasi', 'Banaras', 'Benares', 'Prayagraj',
      'Allahabad', 'Bareilly', 'Aligarh', 'Moradabad', 'Saharanpur', 'Gorakhpur', 'Noida',
      'Greater Noida', 'Firozabad', 'Jhansi', 'Muzaffarnagar', 'Mathura', 'Vrindavan', 'Ayodhya',
      'Faizabad', 'Rampur', 'Shahjahanpur', 'Farrukhabad', 'Mau', 'Hapur', 'Etawah', 'Mirzapur',
      'Bulandshahr', 'Sambhal', 'Amroha', 'Hardoi', 'Fatehpur', 'Raebareli', 'Rae Bareli', 'Orai',
      'Sitapur', 'Bahraich', 'Modinagar', 'Unnao', 'Jaunpur', 'Lakhimpur', 'Hathras', 'Banda', 'Pilibhit',
      'Barabanki', 'Khurja', 'Gonda', 'Mainpuri', 'Lalitpur', 'Etah', 'Deoria', 'Basti', 'Ballia',
      'Azamgarh', 'Sultanpur', 'Budaun', 'Badaun', 'Ghazipur', 'Loni', 'Khora', 'Bijnor', 'Shamli',
      'Kasganj', 'Chandausi', 'Pratapgarh']),
    ('Uttarakhand', array[
      'Dehradun', 'Haridwar', 'Roorkee', 'Haldwani', 'Rudrapur', 'Kashipur', 'Rishikesh', 'Nainital',
      'Mussoorie', 'Almora', 'Pithoragarh', 'Kotdwar', 'Ramnagar']),
    ('West Bengal', array[
      'Kolkata', 'Calcutta', 'Howrah', 'Durgapur', 'Asansol', 'Siliguri', 'Bardhaman', 'Burdwan',
      'Barddhaman', 'Malda', 'English Bazar', 'Baharampur', 'Berhampore', 'Habra', 'Kharagpur',
      'Shantipur', 'Dankuni', 'Dhulian', 'Ranaghat', 'Haldia', 'Raiganj', 'Krishnanagar', 'Nabadwip',
      'Medinipur', 'Midnapore', 'Jalpaiguri', 'Balurghat', 'Basirhat', 'Bankura', 'Chakdaha',
      'Darjeeling', 'Alipurduar', 'Purulia', 'Jangipur', 'Bangaon', 'Cooch Behar', 'Bally', 'Baranagar',
      'Barasat', 'Bhatpara', 'Kamarhati', 'Panihati', 'Maheshtala', 'Rajpur Sonarpur', 'South Dumdum',
      'North Dumdum', 'Dum Dum', 'Madhyamgram', 'Naihati', 'Serampore', 'Hugli and Chinsurah',
      'Hugli-Chinsurah', 'Chinsurah', 'Hooghly', 'Uluberia', 'Kulti', 'Bidhannagar', 'Bidhan Nagar',
      'Barrackpore']),
    ('Delhi', array[
      'Delhi', 'New Delhi', 'Old Delhi', 'Kirari Suleman Nagar', 'Sultan Pur Majra', 'Sultanpur Majra',
      'Bhalswa Jahangir Pur', 'Nangloi Jat', 'Nangloi', 'Karawal Nagar', 'Burari', 'Najafgarh', 'Narela',
      'Mustafabad', 'Dallo Pura', 'Delhi Cantonment']),
    ('Chandigarh', array['Chandigarh']),
    ('Puducherry', array['Puducherry', 'Pondicherry', 'Ozhukarai', 'Oulgaret', 'Karaikal', 'Mahe', 'Yanam']),
    ('Dadra and Nagar Haveli and Daman and Diu', array['Daman', 'Diu', 'Silvassa']),
    ('Lakshadweep', array['Kavaratti', 'Agatti', 'Minicoy']),
    ('Andaman and Nicobar Islands', array['Port Blair', 'Sri Vijaya Puram']),

    -- ── Localities of the big metros (mapped to their city's state) ────────────────────────
    -- Bengaluru
    ('Karnataka', array[
      'HSR Layout', 'Koramangala', 'Indiranagar', 'Indira Nagar', 'Whitefield', 'Jayanagar', 'JP Nagar',
      'J P Nagar', 'BTM Layout', 'Electronic City', 'Marathahalli', 'Bellandur', 'Sarjapur Road',
      'Sarjapur', 'Hebbal', 'Yelahanka', 'Malleshwaram', 'Malleswaram', 'Rajajinagar', 'Basavanagudi',
      'Banashankari', 'Bannerghatta Road', 'Frazer Town', 'Ulsoor', 'Halasuru', 'RT Nagar', 'Hennur',
      'KR Puram', 'Mahadevapura', 'Domlur', 'Jalahalli', 'Kengeri', 'Banaswadi', 'Brookefield',
      'Kadugodi', 'Bommanahalli', 'Cox Town', 'Sadashivanagar', 'Yeshwanthpur', 'Peenya']),
    -- Mumbai, Navi Mumbai and Thane
    ('Maharashtra', array[
      'Andheri', 'Andheri East', 'Andheri West', 'Bandra', 'Bandra West', 'Bandra East',
      'Bandra Kurla Complex', 'BKC', 'Powai', 'Juhu', 'Colaba', 'Worli', 'Lower Parel', 'Dadar', 'Goregaon',
      'Malad', 'Kandivali', 'Borivali', 'Dahisar', 'Mulund', 'Ghatkopar', 'Vikhroli', 'Kurla', 'Chembur',
      'Santacruz', 'Vile Parle', 'Khar', 'Versova', 'Lokhandwala', 'Jogeshwari', 'Sion', 'Matunga',
      'Byculla', 'Nariman Point', 'Malabar Hill', 'Breach Candy', 'Cuffe Parade', 'Mahim', 'Wadala',
      'Bhandup', 'Kanjurmarg', 'Prabhadevi', 'Marine Lines', 'Churchgate', 'Vashi', 'Nerul', 'Kharghar',
      'Belapur', 'CBD Belapur', 'Airoli', 'Ghansoli', 'Sanpada', 'Seawoods', 'Kopar Khairane',
      'Ghodbunder Road']),
    -- Pune
    ('Maharashtra', array[
      'Kothrud', 'Hinjewadi', 'Hinjawadi', 'Baner', 'Aundh', 'Wakad', 'Viman Nagar', 'Koregaon Park',
      'Kalyani Nagar', 'Hadapsar', 'Magarpatta', 'Kharadi', 'Pimple Saudagar', 'Pashan', 'Bavdhan',
      'Wagholi', 'Undri', 'Kondhwa', 'Katraj', 'Warje', 'Sinhagad Road', 'Bibwewadi', 'Yerawada',
      'Yerwada', 'Balewadi', 'Karve Nagar', 'Sadashiv Peth', 'Swargate', 'Dhanori', 'Vishrantwadi',
      'Chakan']),
    -- Delhi
    ('Delhi', array[
      'Connaught Place', 'Saket', 'Dwarka', 'Rohini', 'Pitampura', 'Janakpuri', 'Vasant Kunj',
      'Vasant Vihar', 'Hauz Khas', 'Green Park', 'Greater Kailash', 'Lajpat Nagar', 'Defence Colony',
      'Karol Bagh', 'Rajouri Garden', 'Punjabi Bagh', 'Paschim Vihar', 'Mayur Vihar', 'Laxmi Nagar',
      'Preet Vihar', 'Shahdara', 'Chandni Chowk', 'Kalkaji', 'Nehru Place', 'Okhla', 'Jasola',
      'Malviya Nagar', 'Chanakyapuri', 'Model Town', 'Mukherjee Nagar', 'Kamla Nagar', 'Patel Nagar',
      'Tilak Nagar', 'Uttam Nagar', 'Vikaspuri', 'Shalimar Bagh', 'Sarita Vihar', 'Safdarjung Enclave',
      'Munirka', 'RK Puram', 'R K Puram', 'Khan Market', 'Aerocity', 'Mehrauli', 'Chhattarpur',
      'Chattarpur', 'Kirti Nagar', 'Moti Nagar', 'Jangpura', 'Nizamuddin']),
    -- Gurugram
    ('Haryana', array[
      'DLF Cyber City', 'Cyber City', 'Sohna Road', 'Golf Course Road', 'Sushant Lok', 'Udyog Vihar',
      'Palam Vihar', 'South City']),
    -- Noida and Ghaziabad
    ('Uttar Pradesh', array[
      'Noida Extension', 'Greater Noida West', 'Indirapuram', 'Vaishali', 'Vasundhara',
      'Raj Nagar Extension', 'Crossings Republik']),
    -- Hyderabad
    ('Telangana', array[
      'Gachibowli', 'Banjara Hills', 'Jubilee Hills', 'HITEC City', 'Hitech City', 'Madhapur', 'Kondapur',
      'Kukatpally', 'Ameerpet', 'Begumpet', 'Somajiguda', 'Manikonda', 'Miyapur', 'Uppal', 'LB Nagar',
      'Dilsukhnagar', 'Himayatnagar', 'Abids', 'Mehdipatnam', 'Tolichowki', 'Attapur', 'Nanakramguda',
      'Financial District', 'Kompally', 'Bachupally', 'Nallagandla', 'Narsingi', 'Tarnaka', 'Habsiguda',
      'Malkajgiri', 'Sainikpuri', 'AS Rao Nagar', 'Kothapet', 'Shamshabad', 'Chanda Nagar', 'Lingampally',
      'Kokapet']),
    -- Chennai
    ('Tamil Nadu', array[
      'T Nagar', 'T. Nagar', 'Thyagaraya Nagar', 'Adyar', 'Anna Nagar', 'Velachery', 'Mylapore',
      'Nungambakkam', 'Besant Nagar', 'Guindy', 'Porur', 'Old Mahabalipuram Road', 'OMR', 'Sholinganallur',
      'Perungudi', 'Thoraipakkam', 'Kilpauk', 'Egmore', 'Royapettah', 'Alwarpet', 'Kodambakkam',
      'Vadapalani', 'Ashok Nagar', 'KK Nagar', 'Chromepet', 'Medavakkam', 'Pallikaranai', 'Thiruvanmiyur',
      'Perambur', 'Kotturpuram', 'Saidapet', 'Mogappair', 'Valasaravakkam', 'Siruseri', 'Navalur',
      'Kelambakkam']),
    -- Kolkata
    ('West Bengal', array[
      'Salt Lake', 'Salt Lake City', 'New Town', 'Rajarhat', 'Park Street', 'Ballygunge', 'Alipore',
      'Behala', 'Garia', 'Jadavpur', 'Tollygunge', 'Gariahat', 'Esplanade', 'BBD Bagh', 'Shyambazar',
      'Lake Town', 'Kasba', 'Bhowanipore', 'Bhawanipur', 'Sealdah', 'Sonarpur', 'Baguiati', 'Kestopur',
      'Ultadanga', 'Entally', 'New Alipore', 'Santoshpur', 'Thakurpukur', 'Kankurgachi', 'Beliaghata']),
    -- Ahmedabad
    ('Gujarat', array[
      'Navrangpura', 'Satellite', 'Bodakdev', 'Vastrapur', 'Prahlad Nagar', 'Prahladnagar', 'SG Highway',
      'S G Highway', 'Maninagar', 'Thaltej', 'Bopal', 'Gota', 'Chandkheda', 'Naranpura', 'Ellisbridge',
      'Paldi', 'Ghatlodia', 'Vejalpur', 'Nikol', 'Naroda', 'Vastral', 'Ambawadi', 'Sabarmati', 'Motera',
      'Memnagar', 'Shela', 'Juhapura', 'Ashram Road']),
    -- Other cities' best-known localities
    ('Maharashtra', array[
      'Goregaon East', 'Goregaon West', 'Malad East', 'Malad West', 'Kandivali East', 'Kandivali West',
      'Borivali East', 'Borivali West', 'Vartak Nagar', 'Majiwada', 'Dharampeth', 'Sitabuldi',
      'College Road']),
    ('Haryana', array['DLF Phase 1', 'DLF Phase 2', 'DLF Phase 3', 'DLF Phase 4', 'DLF Phase 5', 'Greenfield Colony']),
    ('Chandigarh', array['Manimajra']),
    ('Uttar Pradesh', array['Gomti Nagar', 'Hazratganj', 'Aliganj', 'Aminabad']),
    ('Rajasthan', array['Vaishali Nagar', 'Mansarovar', 'C Scheme', 'Raja Park', 'Sodala']),
    ('Gujarat', array['Adajan', 'Vesu', 'Piplod', 'Alkapuri', 'Kalawad Road']),
    ('Kerala', array['Kakkanad', 'Edappally', 'Vyttila', 'Kaloor', 'Fort Kochi']),
    ('Madhya Pradesh', array['Vijay Nagar', 'Palasia', 'Rau', 'Arera Colony', 'MP Nagar', 'Kolar Road']),
    ('Assam', array['Beltola', 'Zoo Road', 'Paltan Bazaar', 'Ganeshguri'])
)
insert into area_zones (area_key, area, state, zone, source)
select area_key(area), area, places.state, zones.zone, 'builtin'
from places
left join zones on zones.state = places.state
cross join lateral unnest(places.areas) as area
on conflict (area_key) do nothing;
